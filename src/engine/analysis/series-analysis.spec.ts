import { AnalysisError } from './analysis.errors';
import { analyseSeries, returnsFromCloses } from './series-analysis';

describe('the analysis of a stored run (series-analysis)', () => {
  // Five days. Portfolio returns 10 %, −20 %, 0 %, 25 %: equity 1, 1.1, 0.88, 0.88, 1.1 → drawdown 0, 0, −0.2, −0.2, 0.
  // Benchmark closes 100, 110, 99, 99, 108.9: returns 10 %, −10 %, 0 %, 10 %.
  const dates = ['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04', '2024-01-05'];
  const dailyReturn = Float64Array.from([0, 0.1, -0.2, 0, 0.25]);
  const drawdown = Float64Array.from([0, 0, -0.2, -0.2, 0]);
  const benchmarkCloses = Float64Array.from([100, 110, 99, 99, 108.9]);

  it('derives returns from closes as the simulation plan does (row 0 has none, a gap gives NaN)', () => {
    expect(Array.from(returnsFromCloses(benchmarkCloses))).toEqual([0, 110 / 100 - 1, 99 / 110 - 1, 0, 108.9 / 99 - 1]);
    expect(Number.isNaN(returnsFromCloses([Number.NaN, 1])[1])).toBe(true);
  });

  it('computes the rolling metrics of both, beta against the benchmark, and the episodes', () => {
    const analysis = analyseSeries(
      { dates, dailyReturn, drawdown, benchmarkCloses, riskFreeRate: 0 },
      { windows: [2], drawdowns: { limit: 5 } },
    );
    const [portfolio] = analysis.rolling.windows;
    // Windows of two returns end on rows 2, 3 and 4: growth 1.1 × 0.8 = 0.88, 0.8 × 1 = 0.8, 1 × 1.25 = 1.25.
    expect(portfolio.firstRow).toBe(2);
    expect(Array.from(portfolio.return.values).map((v) => Number(v.toFixed(12)))).toEqual([-0.12, -0.2, 0.25]);
    // Window 1: r = (0.1, −0.2) centred ±0.15, b = (0.1, −0.1) centred ±0.1:
    // cov / var(b) = (2 × 0.15 × 0.1) / (2 × 0.1²) = 1.5.
    expect(portfolio.beta!.values[0]).toBeCloseTo(1.5, 12);
    const [benchmark] = analysis.benchmarkRolling!.windows;
    expect(benchmark.beta).toBeNull();
    // Benchmark growth over rows 1–2: 1.1 × 0.9 = 0.99.
    expect(benchmark.return.values[0]).toBeCloseTo(-0.01, 12);
    // One episode: peak row 1 (2024-01-02), trough row 2, back at the peak on row 4.
    expect(analysis.drawdownEpisodes.totalEpisodes).toBe(1);
    expect(analysis.drawdownEpisodes.episodes[0]).toMatchObject({
      peakDate: '2024-01-02',
      troughDate: '2024-01-03',
      recoveryDate: '2024-01-05',
      depth: -0.2,
      recovered: true,
      tradingDaysToTrough: 1,
      tradingDaysToRecovery: 2,
    });
  });

  it('has no benchmark rolling without a benchmark', () => {
    const analysis = analyseSeries({ dates, dailyReturn, drawdown, benchmarkCloses: null, riskFreeRate: 0 });
    expect(analysis.benchmarkRolling).toBeNull();
    expect(analysis.rolling.windows.map((window) => window.window)).toEqual([126, 252, 756]);
    expect(analysis.rolling.windows[0].beta).toBeNull();
  });

  it('names the option out of range', () => {
    const run = () =>
      analyseSeries({ dates, dailyReturn, drawdown, benchmarkCloses: null, riskFreeRate: 0 }, { windows: [1] });
    expect(run).toThrow(AnalysisError);
    expect(run).toThrow('windows must be a whole number from 2 to 12600, got 1');
  });
});
