import type { Schemas } from '../../lib/api/client';
import styles from './results.module.css';

type Note = Schemas['SimulationNoteDto'];

const TITLES: Record<Note['code'], string> = {
  LEVERAGE: 'Leverage',
  CASH_INTEREST: 'Interest',
  SYNTHETIC: 'Synthetic ticker',
  SPLICE: 'Spliced history',
  INFLATION: 'Real returns',
};

/** "KO?L=2 is …" stays as written (a ticker starts it); words get a capital letter and a full stop. */
const sentence = (text: string) =>
  (/^[a-z]/.test(text) ? text.charAt(0).toUpperCase() + text.slice(1) : text) + (text.endsWith('.') ? '' : '.');

/**
 * What the result was made of (docs/command-language.md, "Notes"): leverage and its loan, interest, what a
 * synthetic ticker is and the base rate of its financing, which series gave a spliced ticker's prices from when,
 * and the real value. Facts, not problems: shown beside the warnings in a calmer style.
 */
export function ResultNotes({ notes }: { notes: readonly Note[] }) {
  if (notes.length === 0) return null;
  return (
    <ul className={styles.notices} aria-label="Notes">
      {notes.map((note, index) => (
        <li key={index} className={styles.note} role="note" data-code={note.code}>
          <strong>{TITLES[note.code] ?? 'Note'}:</strong> {sentence(note.message)}
        </li>
      ))}
    </ul>
  );
}
