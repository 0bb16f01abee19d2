import reference from '../__fixtures__/quantstats-reference.json';
import { compareMetrics } from '../__fixtures__/compare-metrics';
import { expectClose } from '../__fixtures__/expect-close';
import { samplePrices } from '../__fixtures__/sample-prices.fixture';
import { computeMetrics } from './metrics.calculator';

/** Metrics of raw price returns, no simulator involved, against QuantStats 0.0.86. */
describe.each(reference.returnSeries)('QuantStats reference: $name', (series) => {
  const matrix = samplePrices();
  const first = matrix.dates.findIndex((date) => date >= series.start);
  let last = matrix.dates.length - 1;
  while (matrix.dates[last] > series.end) last--;
  const width = matrix.tickers.length;
  const column = (ticker: string) => matrix.tickerIndex.get(ticker)!;
  const returnsOf = (ticker: string) => {
    const j = column(ticker);
    const out = new Float64Array(last - first + 1);
    for (let t = 1; t < out.length; t++)
      out[t] = matrix.values[(first + t) * width + j] / matrix.values[(first + t - 1) * width + j] - 1;
    return out;
  };
  const metrics = computeMetrics({
    dates: matrix.dates.slice(first, last + 1),
    dayNumber: matrix.calendar.dayNumber.subarray(first, last + 1),
    monthKey: matrix.calendar.monthKey.subarray(first, last + 1),
    year: matrix.calendar.year.subarray(first, last + 1),
    returns: returnsOf(series.ticker),
    riskFreeRate: series.rf,
    benchmarkReturns: series.benchmark ? returnsOf(series.benchmark) : null,
    benchmarkTicker: series.benchmark,
  });

  it('matches every QuantStats metric', () => {
    compareMetrics(metrics, series.metrics);
  });

  it('matches the benchmark metrics', () => {
    if (series.benchmarkMetrics === null) {
      expect(metrics.benchmark).toBeNull();
      return;
    }
    for (const [key, value] of Object.entries(series.benchmarkMetrics)) {
      expectClose(metrics.benchmark![key as keyof typeof series.benchmarkMetrics] as number, value, key);
    }
  });
});
