import { sampleReturns, sampleRows } from '../__fixtures__/sample-returns.fixture';
import { samplePrices } from '../__fixtures__/sample-prices.fixture';
import { computeMetrics } from '../metrics/metrics.calculator';
import { AnalysisError } from './analysis.errors';
import { computeRollingMetrics } from './rolling-metrics';
import { rollingValueAt, rollingValues } from './rolling-series';

const rows = (...returns: number[]) => Float64Array.from([0, ...returns]);
const SQRT_252 = Math.sqrt(252);

describe('rolling metrics at the edges', () => {
  it('has no value when the series is shorter than the window', () => {
    const { windows } = computeRollingMetrics({ returns: rows(0.01, 0.02, -0.01), riskFreeRate: 0, windows: [4, 126] });
    for (const window of windows) {
      expect(window.count).toBe(0);
      expect(window.firstRow).toBe(window.window);
      expect(window.sharpe.values).toHaveLength(0);
      expect(window.beta).toBeNull();
    }
  });

  it('computes two 2-day windows by hand', () => {
    // Returns 10 %, −5 %, 2 %.
    // Window 1 (rows 1–2): mean 0.025, sample variance (0.075² + 0.075²) / 1 = 0.01125;
    //   downside Σ min(r, 0)² / 2 = 0.0025 / 2; growth 1.1 × 0.95 = 1.045; equity 1, 1.1, 1.045 → −5 %.
    // Window 2 (rows 2–3): mean −0.015, variance 2 × 0.035² = 0.00245; same downside;
    //   growth 0.95 × 1.02 = 0.969; equity 1, 0.95, 0.969 → −5 %.
    const [window] = computeRollingMetrics({ returns: rows(0.1, -0.05, 0.02), riskFreeRate: 0, windows: [2] }).windows;
    expect(window.firstRow).toBe(2);
    expect(window.count).toBe(2);
    const expected = {
      return: [0.045, -0.031],
      volatility: [Math.sqrt(0.01125) * SQRT_252, Math.sqrt(0.00245) * SQRT_252],
      sharpe: [(0.025 / Math.sqrt(0.01125)) * SQRT_252, (-0.015 / Math.sqrt(0.00245)) * SQRT_252],
      sortino: [(0.025 / Math.sqrt(0.00125)) * SQRT_252, (-0.015 / Math.sqrt(0.00125)) * SQRT_252],
      maxDrawdown: [-0.05, -0.05],
    };
    for (const [metric, values] of Object.entries(expected)) {
      const series = window[metric as keyof typeof expected];
      values.forEach((value, i) => expect(series.values[i]).toBeCloseTo(value, 12));
      expect(series.defined).toBeNull();
    }
  });

  it('equals the whole-series metrics when the window is the whole series (annualised beyond a year)', () => {
    const check = (ticker: string, start: string, end: string, riskFreeRate: number) => {
      const returns = sampleReturns(ticker, start, end);
      const benchmarkReturns = sampleReturns('^GSPC', start, end);
      const { first, last, dates } = sampleRows(start, end);
      const calendar = samplePrices().calendar;
      const metrics = computeMetrics({
        dates,
        dayNumber: calendar.dayNumber.subarray(first, last + 1),
        monthKey: calendar.monthKey.subarray(first, last + 1),
        year: calendar.year.subarray(first, last + 1),
        returns,
        riskFreeRate,
        benchmarkReturns,
      });
      const n = returns.length - 1;
      const [window] = computeRollingMetrics({ returns, riskFreeRate, benchmarkReturns, windows: [n] }).windows;
      expect(window.count).toBe(1);
      const close = (actual: number, expected: number) =>
        expect(Math.abs(actual - expected)).toBeLessThanOrEqual(1e-12 * Math.abs(expected));
      close(window.return.values[0], n > 252 ? metrics.cagr : metrics.totalReturn);
      close(window.volatility.values[0], metrics.volatility);
      close(window.sharpe.values[0], metrics.sharpe);
      close(window.sortino.values[0], metrics.sortino);
      close(window.maxDrawdown.values[0], metrics.maxDrawdown);
      close(window.beta!.values[0], metrics.benchmark!.beta);
      close(window.correlation!.values[0], metrics.benchmark!.correlation);
    };
    check('AAPL', '1990-01-01', '2022-12-31', 0);
    check('KO', '2020-01-01', '2020-06-30', 0.02);
  });

  it('leaves Sharpe and Sortino undefined on a flat window, and never writes NaN', () => {
    const { windows } = computeRollingMetrics({
      returns: rows(0, 0, 0, 0.01),
      riskFreeRate: 0,
      benchmarkReturns: rows(0.01, -0.01, 0.02, 0.01),
      windows: [3],
    });
    const [window] = windows;
    expect(rollingValues(window.volatility)).toEqual([0, expect.any(Number)]);
    expect(rollingValues(window.sharpe)).toEqual([null, expect.any(Number)]);
    // No losing day and no risk-free rate: no downside, so no Sortino (QuantStats divides by zero).
    expect(rollingValues(window.sortino)).toEqual([null, null]);
    expect(rollingValues(window.maxDrawdown)).toEqual([0, 0]);
    expect(rollingValues(window.beta!)).toEqual([0, expect.any(Number)]);
    expect(rollingValues(window.correlation!)).toEqual([null, expect.any(Number)]);
    for (const series of [window.sharpe, window.sortino, window.correlation!]) {
      expect(Array.from(series.values).every(Number.isFinite)).toBe(true);
    }
  });

  it('has a Sortino on a flat window when the risk-free rate makes every day a shortfall', () => {
    const [window] = computeRollingMetrics({ returns: rows(0, 0, 0), riskFreeRate: 0.04, windows: [3] }).windows;
    // Every excess return is −rf_d, so the ratio is −rf_d / rf_d × √252.
    expect(rollingValueAt(window.sortino, 0)).toBeCloseTo(-SQRT_252, 12);
    expect(rollingValueAt(window.sharpe, 0)).toBeNull();
  });

  it('marks every window holding a total loss as undefined', () => {
    const [window] = computeRollingMetrics({
      returns: rows(0.01, -1, 0.02, 0.03, 0.01),
      riskFreeRate: 0,
      windows: [2],
    }).windows;
    expect(rollingValues(window.return).map((value) => value !== null)).toEqual([false, false, true, true]);
    expect(rollingValues(window.volatility).map((value) => value !== null)).toEqual([false, false, true, true]);
    expect(window.return.values[2]).toBeCloseTo(1.02 * 1.03 - 1, 15);
  });

  it('refuses windows it cannot compute, naming the option', () => {
    const thrown = (windows: number[]): unknown => {
      try {
        computeRollingMetrics({ returns: rows(0.01), riskFreeRate: 0, windows });
        return null;
      } catch (error) {
        return error;
      }
    };
    for (const windows of [[1], [2.5], [12_601], [], [2, 3, 4, 5, 6, 7, 8, 9, 10]]) {
      const error = thrown(windows);
      expect(error).toBeInstanceOf(AnalysisError);
      expect(error).toMatchObject({ code: 'INVALID_OPTION', field: 'windows' });
    }
  });
});
