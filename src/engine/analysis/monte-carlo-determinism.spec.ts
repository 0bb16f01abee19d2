import { parseCommandOrThrow } from '../command/command.parser';
import { samplePrices } from '../__fixtures__/sample-prices.fixture';
import { simulatePortfolio } from '../simulation/portfolio.simulator';
import { AnalysisError } from './analysis.errors';
import { projectMonteCarlo, ProjectionOptions } from './monte-carlo';
import { projectionHistoryOf } from './projection-history';

/** A projection of KO 50 % / JNJ 50 % (2008–2018, 1,000 a month contributed), resampled with a seed. */
describe('Monte Carlo projection of a completed simulation, with a seed', () => {
  const result = simulatePortfolio(
    parseCommandOrThrow('KO-L-50% JNJ-L-50% 2008-01-01 2018-12-31 capital=10000 contribute=1000/month').command,
    samplePrices(),
  );
  const start = projectionHistoryOf(result);
  const options = (overrides: Partial<ProjectionOptions> = {}): ProjectionOptions => ({
    paths: 500,
    years: 10,
    seed: 20240601,
    method: 'block',
    blockMonths: 6,
    initialValue: start.initialValue,
    cashFlow: start.cashFlow,
    ...overrides,
  });

  it('starts from the complete months, the final value and the contributions', () => {
    // 2008-01-02 is row 0, inside January's first 5 days: January counts; 2018-12-31 ends December.
    expect(start.months[0]).toBe('2008-01');
    expect(start.months[start.months.length - 1]).toBe('2018-12');
    expect(start.returns).toHaveLength(132);
    expect(start.initialValue).toBe(result.finalNav);
    expect(start.cashFlow).toEqual({ kind: 'amount', amount: 1000, period: 'month' });
  });

  it('gives the same projection for the same seed, and another for another seed', () => {
    const first = projectMonteCarlo(start.returns, options());
    const again = projectMonteCarlo(start.returns, options());
    expect(again).toEqual(first);
    const other = projectMonteCarlo(start.returns, options({ seed: 20240602 }));
    expect(other.finalValue.percentiles).not.toEqual(first.finalValue.percentiles);
    expect(other.valueBands[3].values[120]).not.toBe(first.valueBands[3].values[120]);
  });

  it('makes blocks of one month the same as the monthly bootstrap', () => {
    const monthly = projectMonteCarlo(start.returns, options({ method: 'monthly' }));
    const blocksOfOne = projectMonteCarlo(start.returns, options({ method: 'block', blockMonths: 1 }));
    expect({ ...blocksOfOne, method: 'monthly' }).toEqual(monthly);
  });

  it('keeps every output finite and ordered', () => {
    const projection = projectMonteCarlo(start.returns, options());
    for (let m = 0; m <= projection.months; m++) {
      const column = projection.valueBands.map((band) => band.values[m]);
      expect(column.every(Number.isFinite)).toBe(true);
      expect([...column].sort((a, b) => a - b)).toEqual(column);
    }
    for (const distribution of [projection.finalValue, projection.cagr, projection.maxDrawdown]) {
      const counted =
        distribution.histogram.below +
        distribution.histogram.above +
        distribution.histogram.counts.reduce((a, b) => a + b, 0);
      expect(counted).toBe(500);
      expect(distribution.min).toBeLessThanOrEqual(distribution.percentiles[0]);
      expect(distribution.max).toBeGreaterThanOrEqual(distribution.percentiles[6]);
    }
    expect(projection.maxDrawdown.max).toBeLessThanOrEqual(0);
  });
});

describe('circular block bootstrap', () => {
  it('draws runs of consecutive months, wrapping from the last month to the first', () => {
    // History month i returns i × 0.001, so each sampled return names its month. One path of a year.
    const history = Float64Array.from({ length: 12 }, (_, i) => i * 0.001);
    const projection = projectMonteCarlo(history, {
      paths: 1,
      years: 5,
      seed: 3,
      method: 'block',
      blockMonths: 4,
      initialValue: 1,
    });
    const values = projection.valueBands[0].values;
    const months: number[] = [];
    for (let m = 1; m < values.length; m++) months.push(Math.round((values[m] / values[m - 1] - 1) / 0.001));
    for (let block = 0; block < months.length; block += 4) {
      for (let k = 1; k < 4; k++) expect(months[block + k]).toBe((months[block] + k) % 12);
    }
    // Over 15 blocks the starts are not all the same month.
    expect(new Set(months.filter((_, m) => m % 4 === 0)).size).toBeGreaterThan(1);
  });
});

describe('projection options', () => {
  const history = new Float64Array(24).fill(0.005);
  const base: ProjectionOptions = { paths: 10, years: 1, seed: 1, method: 'monthly', initialValue: 100 };
  const thrown = (options: Partial<ProjectionOptions>, series = history): unknown => {
    try {
      projectMonteCarlo(series, { ...base, ...options });
      return null;
    } catch (error) {
      return error;
    }
  };

  it.each([
    [{ paths: 10_001 }, 'paths'],
    [{ paths: 0 }, 'paths'],
    [{ years: 51 }, 'years'],
    [{ years: 1.5 }, 'years'],
    [{ seed: -1 }, 'seed'],
    [{ seed: 2 ** 32 }, 'seed'],
    [{ method: 'weekly' as ProjectionOptions['method'] }, 'method'],
    [{ method: 'block' as const, blockMonths: 25 }, 'blockMonths'],
    [{ initialValue: 0 }, 'initialValue'],
    [{ inflationRate: 0.6 }, 'inflationRate'],
    [{ cashFlow: { kind: 'percent' as const, rate: -1.5, period: 'year' as const } }, 'cashFlow.rate'],
    [{ cashFlow: { kind: 'amount' as const, amount: -100, period: 'week' as 'year' } }, 'cashFlow.period'],
  ])('refuses %j, naming %s', (options, field) => {
    const error = thrown(options);
    expect(error).toBeInstanceOf(AnalysisError);
    expect(error).toMatchObject({ code: 'INVALID_OPTION', field });
  });

  it('needs a year of history and no month losing everything', () => {
    expect(thrown({}, new Float64Array(11))).toMatchObject({ code: 'INSUFFICIENT_HISTORY', field: 'history' });
    const wiped = new Float64Array(24);
    wiped[5] = -1;
    expect(thrown({}, wiped)).toMatchObject({ code: 'INSUFFICIENT_HISTORY', field: 'history' });
  });
});
