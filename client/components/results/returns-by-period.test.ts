import { describe, expect, it } from '@jest/globals';
import type { SimulationDetail } from '../../lib/api/client';
import withBenchmark from './fixtures/completed-with-benchmark.json';
import { dailyReturnsFromValues, heatScale, returnsByPeriod } from './returns-by-period';

const detail = withBenchmark as unknown as SimulationDetail;

describe('returnsByPeriod', () => {
  it('compounds the daily returns of each month and year, skipping the start row', () => {
    const dates = ['2020-12-30', '2020-12-31', '2021-01-04', '2021-01-05', '2021-03-01'];
    // Row 0 has no return; whatever it holds is ignored.
    const result = returnsByPeriod(dates, [0.5, 0.1, -0.1, 0.2, 0.05]);

    expect(result.years).toEqual([2020, 2021]);
    const december2020 = result.monthly[0 * 12 + 11];
    const january2021 = result.monthly[1 * 12 + 0];
    const february2021 = result.monthly[1 * 12 + 1];
    const march2021 = result.monthly[1 * 12 + 2];
    expect(december2020).toBeCloseTo(0.1, 12);
    expect(january2021).toBeCloseTo(0.08, 12); // 0.9 × 1.2 − 1
    expect(february2021).toBeNaN();
    expect(march2021).toBeCloseTo(0.05, 12);
    expect(result.monthly[0]).toBeNaN(); // January 2020: before the run
    expect(result.annual[0]).toBeCloseTo(0.1, 12);
    expect(result.annual[1]).toBeCloseTo(0.134, 12); // 1.08 × 1.05 − 1
  });

  it('does not open a month for the start row alone (the first month is partial)', () => {
    const result = returnsByPeriod(['2020-11-30', '2020-12-01', '2020-12-02'], [0, 0.01, 0.02]);
    expect(result.years).toEqual([2020]);
    expect(result.monthly[10]).toBeNaN();
    expect(result.monthly[11]).toBeCloseTo(0.0302, 12); // 1.01 × 1.02 − 1
    expect(result.annual[0]).toBeCloseTo(0.0302, 12);
  });

  it('leaves a period unchanged on a day without a return', () => {
    const result = returnsByPeriod(['2021-06-29', '2021-06-30', '2021-07-01'], [0, null, 0.03]);
    expect(result.monthly[5]).toBe(0);
    expect(result.monthly[6]).toBeCloseTo(0.03, 12);
  });

  it('answers nothing for fewer than two days', () => {
    expect(returnsByPeriod(['2021-06-29'], [0])).toEqual({
      years: [],
      monthly: new Float64Array(0),
      annual: new Float64Array(0),
    });
  });

  it('agrees with the engine’s best and worst month and year of a real run', () => {
    const series = detail.series!;
    const portfolio = returnsByPeriod(series.dates, series.dailyReturn);
    const months = Array.from(portfolio.monthly).filter(Number.isFinite);
    const metrics = detail.metrics!.portfolio;
    expect(portfolio.years).toEqual([2021, 2022]);
    expect(months).toHaveLength(5); // November 2021 … March 2022
    expect(Math.max(...months)).toBeCloseTo(metrics.bestMonth, 12);
    expect(Math.min(...months)).toBeCloseTo(metrics.worstMonth, 12);
    expect(Math.max(...portfolio.annual)).toBeCloseTo(metrics.bestYear, 12);
    expect(Math.min(...portfolio.annual)).toBeCloseTo(metrics.worstYear, 12);
    // The whole run compounds to the total return.
    expect((1 + portfolio.annual[0]) * (1 + portfolio.annual[1]) - 1).toBeCloseTo(metrics.totalReturn, 12);

    const benchmark = returnsByPeriod(series.dates, dailyReturnsFromValues(series.benchmark!));
    const benchmarkMetrics = detail.metrics!.benchmark!;
    expect(Math.max(...Array.from(benchmark.monthly).filter(Number.isFinite))).toBeCloseTo(
      benchmarkMetrics.bestMonth,
      12,
    );
    expect(Math.min(...benchmark.annual)).toBeCloseTo(benchmarkMetrics.worstYear, 12);
  });
});

describe('dailyReturnsFromValues', () => {
  it('measures each day from the last known value', () => {
    const returns = dailyReturnsFromValues([100, 110, null, 99]);
    expect(returns[0]).toBe(0);
    expect(returns[1]).toBeCloseTo(0.1, 12);
    expect(returns[2]).toBeNaN();
    expect(returns[3]).toBeCloseTo(-0.1, 12); // 99 / 110 − 1
  });
});

describe('heatScale', () => {
  it('is the 90th percentile of the magnitudes, at least the floor', () => {
    const twenty = Array.from({ length: 20 }, (_, index) => (index % 2 ? -1 : 1) * (index + 1) * 0.01);
    expect(heatScale(Float64Array.from(twenty))).toBeCloseTo(0.19, 12);
    expect(heatScale(Float64Array.from([0.001, -0.002, Number.NaN]))).toBe(0.01);
    expect(heatScale(new Float64Array(0))).toBe(0.01);
  });
});
