import { StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, WidgetType, type DecorationSet } from '@codemirror/view';
import { errorRange, isWarning, sentence, type CommandIssue } from './command-diagnostics';

/** Replaces the underlined errors; `text` is the command they were found in and must be the editor's text. */
export const setCommandErrors = StateEffect.define<{ text: string; errors: readonly CommandIssue[] }>();

/** Something missing at a point (the end date after the last token): a small red wedge where it belongs. */
class MissingWidget extends WidgetType {
  constructor(private readonly title: string) {
    super();
  }

  eq(other: MissingWidget): boolean {
    return other.title === this.title;
  }

  toDOM(): HTMLElement {
    const mark = document.createElement('span');
    mark.className = 'cm-cmd-missing';
    mark.title = this.title;
    return mark;
  }
}

function marksFor(text: string, errors: readonly CommandIssue[]): DecorationSet {
  const ranges = errors.map((error) => {
    const { from, to } = errorRange(text, error);
    const title = `${error.message}. ${sentence(error.hint)}.`;
    return from < to
      ? Decoration.mark({ class: isWarning(error) ? 'cm-cmd-warning' : 'cm-cmd-error', attributes: { title } }).range(
          from,
          to,
        )
      : Decoration.widget({ widget: new MissingWidget(title), side: 1 }).range(from);
  });
  return Decoration.set(ranges, true);
}

/**
 * The parser's errors (red) and ticker warnings (amber) underlined in the text, the message on hover. (The list below the editor is what screen
 * readers get; @codemirror/lint would add 6 KB for panels and tooltips this one-line field does not need.)
 */
export const commandErrorMarks: Extension = [
  StateField.define<DecorationSet>({
    create: () => Decoration.none,
    update(marks, transaction) {
      let next = marks.map(transaction.changes);
      for (const effect of transaction.effects)
        if (effect.is(setCommandErrors)) next = marksFor(effect.value.text, effect.value.errors);
      return next;
    },
    provide: (field) => EditorView.decorations.from(field),
  }),
  EditorView.baseTheme({
    '.cm-cmd-error': {
      textDecoration: 'underline wavy var(--bad)',
      textDecorationSkipInk: 'none',
      textUnderlineOffset: '4px',
    },
    '.cm-cmd-warning': {
      textDecoration: 'underline wavy var(--warn)',
      textDecorationSkipInk: 'none',
      textUnderlineOffset: '4px',
    },
    '.cm-cmd-missing': {
      display: 'inline-block',
      width: '0.6em',
      height: '0.6em',
      marginLeft: '0.15em',
      verticalAlign: 'baseline',
      borderBottom: '2px solid var(--bad)',
      borderLeft: '2px solid var(--bad)',
      transform: 'rotate(-45deg)',
    },
  }),
];
