import { describe, expect, it } from '@jest/globals';
import { parseCommand } from '@engine/command/command.parser';
import fc from 'fast-check';
import { reweight, rewriteWeights, weightSpans } from './weight-edits';

describe('editing weights in the command text', () => {
  it('finds each position’s weight where it is written, whatever the spacing, case and order of tokens', () => {
    const text = '2020-01-01  aapl-l-50%  rebalance=monthly BRK-B-S-12.5% 2022-12-28 CASH-L-37.5%';
    expect(weightSpans(text)).toEqual([
      { ticker: 'AAPL', side: 'L', weight: 50, from: 19, to: 21 },
      { ticker: 'BRK-B', side: 'S', weight: 12.5, from: 50, to: 54 },
      { ticker: 'CASH', side: 'L', weight: 37.5, from: 74, to: 78 },
    ]);
    expect(weightSpans('AAPL-L-50% 2020-01-01')).toBeNull(); // does not parse
  });

  it('gives the others what is left in proportion, so the weights still sum to 100%', () => {
    // 50/30/20 with the first at 60: 40 left, shared 30:20 → 24 and 16.
    expect(reweight([50, 30, 20], 0, 60)).toEqual([60, 24, 16]);
    // Thirds do not divide evenly: the odd hundredth goes to the largest remainder.
    expect(reweight([25, 25, 25, 25], 0, 0)).toEqual([0.01, 33.33, 33.33, 33.33]);
    expect(reweight([50, 50], 1, 100)).toEqual([0.01, 99.99]);
    expect(reweight([100], 0, 40)).toEqual([100]);
  });

  it('rewrites only the weights, and the command stays valid for any drag', () => {
    const text = 'KO-L-60% PEP-L-40% 2015-01-02 2019-12-31 rebalance=quarterly';
    const spans = weightSpans(text);
    if (!spans) throw new Error('expected spans');
    expect(rewriteWeights(text, spans, reweight([60, 40], 1, 45))).toBe(
      'KO-L-55% PEP-L-45% 2015-01-02 2019-12-31 rebalance=quarterly',
    );
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1000 }), { minLength: 2, maxLength: 12 }),
        fc.nat(),
        fc.double({ min: -10, max: 120, noNaN: true }),
        (raw, pick, percent) => {
          const total = raw.reduce((sum, one) => sum + one, 0);
          const weights = reweight(
            raw.map((one) => (100 * one) / total),
            0,
            100 / raw.length,
          );
          const command = `${weights.map((weight, index) => `T${index}-L-${weight}%`).join(' ')} 2020-01-01 2021-01-01`;
          const spans = weightSpans(command);
          if (!spans) return false;
          const index = pick % spans.length;
          const next = rewriteWeights(command, spans, reweight(weights, index, percent));
          const parsed = parseCommand(next);
          const units = parsed.ok ? parsed.command.positions.map((p) => Math.round(p.weightPercent * 100)) : [];
          return parsed.ok && units.reduce((sum, unit) => sum + unit, 0) === 10_000 && units.every((unit) => unit >= 1);
        },
      ),
      { numRuns: 300 },
    );
  });
});
