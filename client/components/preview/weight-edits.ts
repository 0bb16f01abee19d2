import { parseCommand } from '@engine/command/command.parser';

/** A position of a command as written, and where its weight's digits are in the text. */
export interface WeightSpan {
  ticker: string;
  side: 'L' | 'S';
  /** In percent, as written. */
  weight: number;
  /** [from, to) of the weight's digits (the % sign after them). */
  from: number;
  to: number;
}

const POSITION = /^(.+)-([LS])-(\d+(?:\.\d+)?)%$/i;

/**
 * The positions of a valid command with the place of each weight in the text, or null when the command does not
 * parse or its positions cannot all be found as written (then weights cannot be edited in place).
 */
export function weightSpans(text: string): WeightSpan[] | null {
  const parsed = parseCommand(text);
  if (!parsed.ok) return null;
  const spans: WeightSpan[] = [];
  for (const token of text.matchAll(/\S+/g)) {
    const match = POSITION.exec(token[0]);
    if (!match) continue;
    const to = token.index + token[0].length - 1;
    spans.push({
      ticker: match[1].toUpperCase(),
      side: match[2].toUpperCase() === 'S' ? 'S' : 'L',
      weight: Number(match[3]),
      from: to - match[3].length,
      to,
    });
  }
  const positions = parsed.command.positions;
  const same =
    spans.length === positions.length &&
    spans.every(
      (span, index) =>
        span.ticker === positions[index].ticker &&
        span.side === positions[index].side &&
        span.weight === positions[index].weightPercent,
    );
  return same ? spans : null;
}

/** Weights move in hundredths of a percent: 10,000 make 100 %. */
const WHOLE = 10_000;

/**
 * The weights after position `index` is set to `percent`: the others share what is left in proportion to their
 * weights (largest remainders get the odd hundredths), so the weights still sum to exactly 100 % — the command's
 * sum rule (docs/command-language.md) — and none falls to 0 (each keeps at least 0.01 %).
 */
export function reweight(current: readonly number[], index: number, percent: number): number[] {
  const count = current.length;
  if (count === 1) return [100];
  const target = Math.min(Math.max(Math.round(percent * 100), 1), WHOLE - (count - 1));
  const rest = WHOLE - target;
  const others = current.map((weight, position) => (position === index ? 0 : Math.max(weight, 0)));
  const othersTotal = others.reduce((sum, weight) => sum + weight, 0);
  const shares = others.map((weight, position) =>
    position === index ? 0 : othersTotal > 0 ? (rest * weight) / othersTotal : rest / (count - 1),
  );
  const units = shares.map((share, position) => (position === index ? target : Math.max(1, Math.floor(share))));
  let left = WHOLE - units.reduce((sum, unit) => sum + unit, 0);
  // Hand out the hundredths flooring left over, largest fraction first; take back any a minimum of 1 added.
  const order = shares
    .map((share, position) => ({ position, fraction: share - Math.floor(share) }))
    .filter(({ position }) => position !== index)
    .sort((a, b) => b.fraction - a.fraction || a.position - b.position);
  for (let step = 0; left > 0; step++, left--) units[order[step % order.length].position] += 1;
  const largestFirst = [...order].sort((a, b) => units[b.position] - units[a.position]);
  for (let step = 0; left < 0; step++) {
    const position = largestFirst[step % largestFirst.length].position;
    if (units[position] > 1) {
      units[position] -= 1;
      left += 1;
    }
  }
  return units.map((unit) => unit / 100);
}

/** The command with each position's weight written anew (everything else as the person typed it). */
export function rewriteWeights(text: string, spans: readonly WeightSpan[], weights: readonly number[]): string {
  let rewritten = text;
  for (let index = spans.length - 1; index >= 0; index--) {
    const span = spans[index];
    rewritten = rewritten.slice(0, span.from) + String(weights[index]) + rewritten.slice(span.to);
  }
  return rewritten;
}
