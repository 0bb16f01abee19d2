import rollingReference from '../__fixtures__/quantstats-rolling.json';
import { expectClose } from '../__fixtures__/expect-close';
import { sampleReturns, sampleRows } from '../__fixtures__/sample-returns.fixture';
import { cumulativeSeries } from '../simulation/portfolio.simulator';
import { computeDrawdownEpisodes } from './drawdown-episodes';

/**
 * The ten deepest episodes against QuantStats 0.0.86 `drawdown_details` (sorted by depth, stable):
 * its `start` is the first day under water (the row after our peak), `valley` our trough, `end`
 * the last day under water (the row before our recovery, or the last row), `days` our underwaterDays.
 */
interface FixtureEpisodes {
  name: string;
  ticker: string;
  start: string;
  end: string;
  episodes: { start: string; valley: string; end: string; days: number; depth: number }[];
}
const reference: { episodes: FixtureEpisodes[] } = rollingReference;

describe.each(reference.episodes)('QuantStats drawdown_details: $name', (series) => {
  const { dates } = sampleRows(series.start, series.end);
  const { drawdown } = cumulativeSeries(sampleReturns(series.ticker, series.start, series.end));
  const { episodes } = computeDrawdownEpisodes({ dates, drawdown });

  it('finds the same deepest episodes, with the same dates, durations and depths', () => {
    expect(series.episodes.length).toBeGreaterThan(0);
    expect(episodes).toHaveLength(series.episodes.length);
    series.episodes.forEach((expected, k) => {
      const ours = episodes[k];
      const lastUnderWater = ours.recoveryRow === null ? dates.length - 1 : ours.recoveryRow - 1;
      expect({ k, start: dates[ours.peakRow + 1], valley: ours.troughDate, end: dates[lastUnderWater] }).toEqual({
        k,
        start: expected.start,
        valley: expected.valley,
        end: expected.end,
      });
      expect(ours.underwaterDays).toBe(expected.days);
      expectClose(ours.depth, expected.depth, `depth of episode ${k}`);
    });
  });
});
