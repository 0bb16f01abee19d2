/** The shape of a bar: still moving, or finished one way or the other. */
export type ProgressState = 'active' | 'completed' | 'failed';

/** Worker phases that are codes rather than words (the others arrive in words, e.g. "fetching prices 1/2"). */
const PHASE_WORDS: Readonly<Record<string, string>> = {
  queued: 'Waiting for a worker',
  started: 'Starting',
  done: 'Done',
};

/** The phase a person reads next to the bar: "Fetching prices 1/2", "Waiting for a worker", "Failed". */
export function phaseInWords(phase: string | null | undefined, state: ProgressState = 'active'): string {
  if (state === 'completed') return 'Completed';
  if (state === 'failed') return 'Failed';
  const text = phase?.trim();
  if (!text) return 'Starting';
  const known = PHASE_WORDS[text];
  if (known) return known;
  return text.charAt(0).toUpperCase() + text.slice(1);
}
