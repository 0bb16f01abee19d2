/** Optimal-string-alignment distance: Levenshtein plus adjacent transpositions (reblaance). */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[] = new Array<number>(rows * cols).fill(0);
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[(i - 1) * cols + j] + 1, d[i * cols + j - 1] + 1, d[(i - 1) * cols + j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, d[(i - 2) * cols + j - 2] + 1);
      }
      d[i * cols + j] = best;
    }
  }
  return d[rows * cols - 1];
}

/**
 * The candidate closest to `input` (case-insensitive), or null when none is close enough to be a
 * plausible typo: within 1 edit for names of up to 3 letters, 2 up to 6, 3 beyond, or `input` is a prefix of at least 3 letters.
 */
export function nearestName(input: string, candidates: readonly string[]): string | null {
  const needle = input.toLowerCase();
  if (needle.length === 0) return null;
  let best: string | null = null;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const target = candidate.toLowerCase();
    const distance = needle.length >= 3 && target.startsWith(needle) ? 1 : editDistance(needle, target);
    const allowed = target.length >= 7 ? 3 : target.length >= 4 ? 2 : 1;
    // A distance as long as the names themselves means nothing in common (D vs A).
    if (distance <= allowed && distance < Math.max(needle.length, target.length) && distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
