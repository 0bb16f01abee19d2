import { samplePrices } from '../__fixtures__/sample-prices.fixture';
import { legacyCommands, seriesHash } from '../__fixtures__/legacy-commands';
import recorded from '../__fixtures__/legacy-results.json';
import { parseCommandOrThrow } from '../command/command.parser';
import { simulatePortfolio } from '../simulation/portfolio.simulator';

/**
 * Every command accepted before leverage keeps its exact result: 200 generated commands (long and short, CASH,
 * every option) were run on the engine as it was before issue 18 and their canonical form, final value, fees and
 * the bytes of their NAV, daily returns, weights and metrics recorded (legacy-results.json, written by running the
 * same generator on main just before leverage landed, be06876). Today's engine must give the same bits.
 * (First recorded on 9e78e04; the metrics split of issue 16 since changed 96 metrics hashes — historical CVaR and
 * capture ratios within 9.2e-15 relative, checked by src/engine/metrics' golden test — and nothing else.)
 */
describe('commands accepted before leverage', () => {
  const matrix = samplePrices();
  const commands = legacyCommands(
    matrix.tickers.filter((ticker) => ticker !== '^GSPC'),
    matrix.dates,
    200,
  );

  it('are the recorded ones', () => {
    expect(commands).toEqual(recorded.map((one) => one.command));
  });

  it('parse to the same canonical form and give bit-identical results', () => {
    commands.forEach((command, i) => {
      const parsed = parseCommandOrThrow(command);
      const result = simulatePortfolio(parsed.command, matrix);
      expect({
        command,
        canonical: parsed.canonical,
        finalNav: result.finalNav,
        totalFees: result.totalFees,
        nav: seriesHash(result.nav),
        dailyReturn: seriesHash(result.dailyReturn),
        weights: seriesHash(result.weights),
        metrics: seriesHash(
          Float64Array.from(
            Object.values(result.metrics).filter((value): value is number => typeof value === 'number'),
          ),
        ),
      }).toEqual(recorded[i]);
      // Nothing to note: no leverage beyond what they always had, no rates, no synthetic tickers.
      expect(result.notes.filter((note) => note.code !== 'LEVERAGE')).toEqual([]);
    });
  });
});
