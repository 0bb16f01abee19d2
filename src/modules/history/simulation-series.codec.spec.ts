import { cumulativeSeries } from '../../engine';
import { decodeSimulationSeries, encodeSimulationSeries, SimulationSeries } from './simulation-series.codec';

function series(days: number, tickers: string[], withBenchmark: boolean): SimulationSeries {
  const dates = Array.from({ length: days }, (_, i) => new Date(Date.UTC(1990, 0, 2 + i)).toISOString().slice(0, 10));
  const wave = (phase: number) =>
    Float64Array.from({ length: days }, (_, i) => Math.sin(i / 7 + phase) / 3 + 1e-17 * i);
  const weights = Float32Array.from({ length: days * (tickers.length + 1) }, (_, i) =>
    Math.fround((i % 11) / 10 - 0.3),
  );
  return {
    dates,
    tickers,
    nav: Float64Array.from({ length: days }, (_, i) => 100_000 * (1 + i / 1e4) + Math.PI),
    dailyReturn: wave(0),
    cumulativeReturn: wave(1),
    drawdown: wave(2).map((v) => -Math.abs(v)),
    weights,
    benchmark: withBenchmark ? Float64Array.from({ length: days }, (_, i) => (i === 3 ? NaN : 3000 + i)) : null,
    benchmarkValue: withBenchmark ? Float64Array.from({ length: days }, (_, i) => 100_000 + 7 * i + Math.E) : null,
  };
}

describe('simulation series codec', () => {
  it('round-trips every value bit for bit, benchmark and NaN included', () => {
    const original = series(40, ['AAPL', 'BRK-B', '^GSPC'], true);
    const decoded = decodeSimulationSeries(encodeSimulationSeries(original));
    expect(decoded.dates).toEqual(original.dates);
    expect(decoded.tickers).toEqual(original.tickers);
    expect(Array.from(decoded.nav)).toEqual(Array.from(original.nav));
    expect(Array.from(decoded.dailyReturn)).toEqual(Array.from(original.dailyReturn));
    // Not stored: derived from the daily returns with the engine's own function, so identical to its output.
    const derived = cumulativeSeries(original.dailyReturn);
    expect(Array.from(decoded.cumulativeReturn)).toEqual(Array.from(derived.cumulativeReturn));
    expect(Array.from(decoded.drawdown)).toEqual(Array.from(derived.drawdown));
    expect(Array.from(decoded.weights)).toEqual(Array.from(original.weights));
    expect(Number.isNaN(decoded.benchmark?.[3])).toBe(true);
    expect(decoded.benchmark?.[4]).toBe(3004);
    expect(Array.from(decoded.benchmarkValue!)).toEqual(Array.from(original.benchmarkValue!));
  });

  it('still reads version 2 blobs, stored before the benchmark value: no value series', () => {
    const original = series(10, ['AAPL'], true);
    const current = encodeSimulationSeries(original);
    // Version 2 is version 3 without the trailing benchmark value (10 float64s).
    const old = Buffer.from(current.subarray(0, current.length - 10 * 8));
    old.writeUInt32LE(2, 4);
    const decoded = decodeSimulationSeries(old);
    expect(decoded.benchmarkValue).toBeNull();
    expect(decoded.benchmark?.[9]).toBe(3009);
    expect(Array.from(decoded.nav)).toEqual(Array.from(original.nav));
  });

  it('encodes views on larger buffers (subarrays) like whole arrays', () => {
    const whole = series(30, ['AAPL', 'KO'], true);
    const padded = (values: Float64Array) => {
      const backing = new Float64Array(values.length + 5).fill(-1);
      backing.set(values, 3);
      return backing.subarray(3, 3 + values.length);
    };
    const weights = new Float32Array(whole.weights.length + 7).fill(-1);
    weights.set(whole.weights, 1);
    const viewed = {
      ...whole,
      nav: padded(whole.nav),
      dailyReturn: padded(whole.dailyReturn),
      benchmark: padded(whole.benchmark as Float64Array),
      weights: weights.subarray(1, 1 + whole.weights.length),
    };
    expect(encodeSimulationSeries(viewed).equals(encodeSimulationSeries(whole))).toBe(true);
  });

  it('round-trips a series without benchmark and crosses leap days and years', () => {
    const original = series(800, ['MSFT'], false);
    const decoded = decodeSimulationSeries(encodeSimulationSeries(original));
    expect(decoded.benchmark).toBeNull();
    expect(decoded.dates[789]).toBe('1992-03-01');
    expect(decoded.dates).toContain('1992-02-29');
    expect(decoded.dates).toEqual(original.dates);
  });

  it('keeps a 33-year, 20-asset daily result under a megabyte', () => {
    const tickers = Array.from({ length: 20 }, (_, i) => `T${i}`);
    const blob = encodeSimulationSeries(series(8313, tickers, true));
    expect(blob.length).toBeLessThan(1024 * 1024);
    expect(decodeSimulationSeries(blob).weights.length).toBe(8313 * 21);
  });

  it('refuses a blob that is not a series', () => {
    expect(() => decodeSimulationSeries(Buffer.alloc(64))).toThrow('not a PortoFino series blob');
    expect(() => decodeSimulationSeries(Buffer.from('PFS'))).toThrow('not a PortoFino series blob');
  });

  it('refuses weights of the wrong shape', () => {
    const broken = { ...series(5, ['A'], false), weights: new Float32Array(3) };
    expect(() => encodeSimulationSeries(broken)).toThrow('weights hold 3 values, expected 5 × 2');
  });
});
