import fc from 'fast-check';
import { CommandParseError } from './command.errors';
import { parseCommand, parseCommandOrThrow } from './command.parser';
import { Position } from './command.types';

const tokenPieces = fc.constantFrom(
  'AAPL-L-50%',
  'MSFT-S-50%',
  'BRK-B-L-12.5%',
  '^GSPC-l-100%',
  'CASH-L-10%',
  'CASH-S-10%',
  'X-X-X',
  '-',
  '--',
  '%',
  '-%',
  '2020-01-01',
  '2023-02-29',
  '2020/1/1',
  '0000-00-00',
  '9999-99-99',
  'rebalance=band:5%',
  'rebalance=band:',
  'fee=0.1%',
  'rf=',
  '=',
  '==',
  'contribute=-1000/month',
  'contribute=/',
  'benchmark=^',
  'capital=1e9',
  'A=B-C-D',
  'é-L-5%',
  '\u0000',
);

/** Strings near the grammar: real tokens, fragments and noise, joined by assorted whitespace. */
const nearGrammar = fc
  .array(fc.oneof(tokenPieces, fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 })), {
    maxLength: 14,
  })
  .chain((tokens) => fc.constantFrom(' ', '  ', '\t', '\n').map((separator) => tokens.join(separator)));

const validCommand = fc
  .record({
    tickers: fc.uniqueArray(fc.stringMatching(/^[A-Z]{1,4}(?:[.-][A-Z0-9]{1,2})?$/), { minLength: 1, maxLength: 8 }),
    cuts: fc.uniqueArray(fc.integer({ min: 1, max: 9999 }), { maxLength: 7 }),
    sides: fc.array(fc.constantFrom('L', 'S', 'l', 's'), { minLength: 8, maxLength: 8 }),
    startDay: fc.integer({ min: -25000, max: 27000 }),
    length: fc.integer({ min: 1, max: 20000 }),
    capital: fc.option(fc.integer({ min: 1, max: 10_000_000 }), { nil: undefined }),
    rebalance: fc.option(
      fc.constantFrom('none', 'daily', 'weekly', 'monthly', 'quarterly', 'yearly', 'band:5%', 'band:0.25%'),
      {
        nil: undefined,
      },
    ),
    fee: fc.option(fc.integer({ min: 0, max: 1000 }), { nil: undefined }),
    rf: fc.option(fc.integer({ min: 0, max: 5000 }), { nil: undefined }),
    benchmark: fc.option(fc.constantFrom('^GSPC', 'spy', 'BRK-B'), { nil: undefined }),
    contribute: fc.option(
      fc.tuple(
        fc.integer({ min: -100000, max: 100000 }).filter((n) => n !== 0),
        fc.constantFrom('month', 'quarter', 'year'),
      ),
      {
        nil: undefined,
      },
    ),
  })
  .map((spec) => {
    const count = Math.min(spec.tickers.length, spec.cuts.length + 1);
    const cuts = [...spec.cuts.slice(0, count - 1)].sort((a, b) => a - b);
    const bounds = [0, ...cuts, 10000];
    const positions = spec.tickers.slice(0, count).map((ticker, i) => {
      const hundredths = bounds[i + 1] - bounds[i];
      return `${ticker}-${spec.sides[i]}-${hundredths / 100}%`;
    });
    const iso = (day: number) => new Date(day * 86_400_000).toISOString().slice(0, 10);
    const parts = [...positions, iso(spec.startDay), iso(spec.startDay + spec.length)];
    if (spec.capital !== undefined) parts.push(`capital=${spec.capital}`);
    if (spec.rebalance !== undefined) parts.push(`rebalance=${spec.rebalance}`);
    if (spec.fee !== undefined) parts.push(`fee=${spec.fee / 100}%`);
    if (spec.rf !== undefined) parts.push(`rf=${spec.rf / 100}%`);
    if (spec.benchmark !== undefined) parts.push(`benchmark=${spec.benchmark}`);
    if (spec.contribute !== undefined) parts.push(`contribute=${spec.contribute[0]}/${spec.contribute[1]}`);
    return parts.join(' ');
  });

const byTicker = (positions: Position[]) => [...positions].sort((a, b) => (a.ticker < b.ticker ? -1 : 1));

describe('parser properties (fast-check)', () => {
  it('never throws on any input and locates every error inside or just after the input', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 200 }), fc.string({ unit: 'binary', maxLength: 80 }), nearGrammar),
        (input) => {
          const result = parseCommand(input);
          if (result.ok) return;
          expect(result.errors.length).toBeGreaterThan(0);
          for (const error of result.errors) {
            expect(error.column).toBeGreaterThanOrEqual(1);
            expect(error.column).toBeLessThanOrEqual(Math.max(input.length + 1, 1001));
            expect(error.message).toContain(`(column ${error.column})`);
            expect(error.expected.length).toBeGreaterThan(0);
            expect(error.hint.length).toBeGreaterThan(0);
          }
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('parseCommandOrThrow throws nothing but a CommandParseError', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 120 }), nearGrammar), (input) => {
        try {
          parseCommandOrThrow(input);
        } catch (error) {
          expect(error).toBeInstanceOf(CommandParseError);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('parses generated valid commands, and their canonical string re-parses to the same command', () => {
    fc.assert(
      fc.property(validCommand, (input) => {
        const first = parseCommand(input);
        if (!first.ok) throw new Error(`${input}\n${first.errors.map((error) => error.message).join('\n')}`);
        const again = parseCommand(first.canonical);
        if (!again.ok) throw new Error(`canonical ${first.canonical} does not parse`);
        // The same command: equal options and dates, the same positions (canonical order is by ticker).
        expect(again.canonical).toBe(first.canonical);
        expect({ ...again.command, positions: byTicker(again.command.positions) }).toEqual({
          ...first.command,
          positions: byTicker(first.command.positions),
        });
      }),
      { numRuns: 2000 },
    );
  });
});
