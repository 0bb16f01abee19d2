import { describe, expect, it } from '@jest/globals';
import { epochSeconds, extent, layoutWeights, rebase } from './chart-data';

describe('epochSeconds', () => {
  it('reads days as UTC midnight, like Date.UTC', () => {
    const days = ['1970-01-01', '1990-01-02', '2000-02-29', '2022-12-28', '1969-12-31'];
    expect(Array.from(epochSeconds(days))).toEqual([0, 631_238_400, 951_782_400, 1_672_185_600, -86_400]);
    for (const day of days) expect(epochSeconds([day])[0] * 1000).toBe(Date.parse(`${day}T00:00:00Z`));
  });
});

describe('rebase', () => {
  it('scales a series to a starting value and keeps gaps', () => {
    const rebased = rebase([4613.67, null, 4660.57], 99_900);
    expect(rebased[0]).toBe(99_900);
    expect(rebased[1]).toBeNull();
    expect(rebased[2]).toBeCloseTo(100_915.527_768_566, 6); // 4660.57 / 4613.67 × 99,900
  });

  it('starts from the first known value', () => {
    expect(rebase([null, 50, 75], 100)).toEqual([null, 100, 150]);
  });
});

describe('extent', () => {
  it('ignores missing values', () => {
    expect(extent([3, null, -2, Number.NaN, 7])).toEqual([-2, 7]);
    expect(extent([null])).toEqual([Number.NaN, Number.NaN]);
  });
});

describe('layoutWeights', () => {
  it('stacks longs upwards and shorts downwards, each layer banded to the one below', () => {
    const layout = layoutWeights({ AAPL: [0.5, 0.55], JNJ: [0.3, 0.28], KO: [-0.2, -0.22], CASH: [0.4, 0.39] }, [
      'AAPL',
      'JNJ',
      'KO',
      'CASH',
    ]);
    expect(layout.mode).toBe('stacked');
    expect(layout.series.map((series) => [series.ticker, series.side])).toEqual([
      ['AAPL', 'long'],
      ['JNJ', 'long'],
      ['CASH', 'long'],
      ['KO', 'short'],
    ]);
    const drawn = layout.series.map((series) => Array.from(series.drawn as Float64Array));
    expect(drawn[0]).toEqual([0.5, 0.55]);
    expect(drawn[1][0]).toBeCloseTo(0.8, 12);
    expect(drawn[1][1]).toBeCloseTo(0.83, 12);
    expect(drawn[2][0]).toBeCloseTo(1.2, 12);
    expect(drawn[3]).toEqual([-0.2, -0.22]);
    // uPlot indices: AAPL 1, JNJ 2, CASH 3, KO 4 (the first short fills to 0 on its own).
    expect(layout.bands).toEqual([
      { series: [2, 1], dir: -1 },
      { series: [3, 2], dir: -1 },
    ]);
    expect(layout.series[3].weights).toEqual([-0.2, -0.22]);
  });

  it('treats rounding noise as zero (cash of a fully invested portfolio)', () => {
    const layout = layoutWeights({ AAPL: [1, 1], CASH: [-6e-16, 5e-16] }, ['AAPL', 'CASH']);
    expect(layout.mode).toBe('stacked');
    expect(layout.series.map((series) => series.side)).toEqual(['long', 'long']);
  });

  it('draws lines when a weight changes sign', () => {
    const layout = layoutWeights({ AAPL: [1.2, 1.5], CASH: [0.1, -0.5] }, ['AAPL', 'CASH']);
    expect(layout.mode).toBe('lines');
    expect(layout.bands).toEqual([]);
    expect(layout.series.map((series) => series.drawn)).toEqual([
      [1.2, 1.5],
      [0.1, -0.5],
    ]);
  });
});
