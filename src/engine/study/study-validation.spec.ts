import { StudyError, StudyProblem } from './study.errors';
import { StudySpec } from './study.types';
import { validateStudySpec } from './study.validation';

const BASE: StudySpec = {
  tickers: ['AAPL', 'KO', 'XOM'],
  start: '2000-01-01',
  end: '2010-12-31',
  method: 'random',
  candidates: 1000,
};

function problemsOf(spec: unknown): StudyProblem[] {
  try {
    validateStudySpec(spec as StudySpec);
  } catch (error) {
    if (error instanceof StudyError) return [...error.problems];
    throw error;
  }
  throw new Error('expected a StudyError');
}

describe('study specification: defaults', () => {
  it('fills in the command defaults, seed 0, uniform sampling, no constraints and 10 per objective', () => {
    const study = validateStudySpec({ ...BASE, tickers: ['aapl', 'ko', 'xom'] });
    expect(study.tickers).toEqual(['AAPL', 'KO', 'XOM']);
    expect(study.options).toEqual({
      capital: 100000,
      rebalance: { kind: 'none' },
      feePercent: 0,
      riskFreePercent: 0,
      benchmark: null,
      contribution: null,
      // The command defaults added with leverage (issue 18): no interest, nominal results.
      cashRate: { kind: 'constant', percent: 0 },
      borrowRate: { kind: 'constant', percent: 0 },
      inflation: null,
    });
    expect(study).toMatchObject({
      method: 'random',
      seed: 0,
      sampledCount: 1000,
      gridCount: 0,
      candidateCount: 1000,
      concentration: 1,
      gridStepPercent: null,
      allowShorts: false,
      maxHoldings: 3,
      maxDrawdownLimit: null,
      targetCagr: null,
      topN: 10,
      estimatedAcceptance: 1,
    });
    expect(Array.from(study.minUnits)).toEqual([0, 0, 0]);
    expect(Array.from(study.maxUnits)).toEqual([10000, 10000, 10000]);
  });

  it('reads options through the command parser, percent fields to fractions and bounds to units', () => {
    const study = validateStudySpec({
      ...BASE,
      method: 'both',
      gridStepPercent: 12.5,
      concentration: 0.5,
      options: {
        rebalance: { kind: 'band', thresholdPercent: 5 },
        feePercent: 0.1,
        contribution: { amount: -500, period: 'quarter' },
      },
      constraints: { allowShorts: true, maxHoldings: 2, bounds: { ko: { minPercent: -30, maxPercent: 40.25 } } },
      objectives: { maxDrawdownPercent: 25, targetCagrPercent: 8 },
      topN: 3,
    });
    expect(study.options.rebalance).toEqual({ kind: 'band', thresholdPercent: 5 });
    expect(study.options.contribution).toEqual({ amount: -500, period: 'quarter' });
    expect(Array.from(study.minUnits)).toEqual([-10000, -3000, -10000]);
    expect(Array.from(study.maxUnits)).toEqual([10000, 4025, 10000]);
    expect(study.maxDrawdownLimit).toBe(0.25);
    expect(study.targetCagr).toBe(0.08);
    expect(study.gridStepPercent).toBe(12.5);
    // Grid of 8 steps, at most 2 of 3 non-zero, KO within −2..3 steps: AAPL ±8 (2), XOM ±8 (2), AAPL and XOM
    // both non-zero (7 magnitudes × 4 signs = 28), KO with one other (KO −2..3 without 0 is 5 values, the other
    // takes the rest: 5 × 2 tickers × 2 signs = 20) — 52 points.
    expect(study.gridCount).toBe(52);
    expect(study.candidateCount).toBe(52 + 1000);
  });

  it('gives the same fingerprint to the same study, and another to another seed', () => {
    const a = validateStudySpec({ ...BASE, seed: 5 });
    expect(validateStudySpec({ ...BASE, seed: 5 }).fingerprint).toBe(a.fingerprint);
    expect(validateStudySpec({ ...BASE, seed: 6 }).fingerprint).not.toBe(a.fingerprint);
  });
});

describe('study specification: every problem at once, each with its field', () => {
  it('locates problems of tickers, dates, options, method and counts', () => {
    const problems = problemsOf({
      tickers: ['AAPL', 'aapl', 'CASH', 'BAD$'],
      start: '2020-02-30',
      end: '2020/01/01',
      options: { feePercent: 20, rebalance: { kind: 'periodic', frequency: 'montly' } },
      method: 'random',
      candidates: 0,
      seed: -1,
      topN: 101,
    });
    expect(problems.map((problem) => [problem.code, problem.field])).toEqual([
      ['INVALID_FIELD', 'tickers[1]'],
      ['INVALID_FIELD', 'tickers[2]'],
      ['INVALID_COMMAND', 'tickers[3]'],
      ['INVALID_FIELD', 'end'],
      ['INVALID_COMMAND', 'options.rebalance'],
      ['INVALID_COMMAND', 'options.feePercent'],
      ['INVALID_FIELD', 'candidates'],
      ['INVALID_FIELD', 'seed'],
      ['INVALID_FIELD', 'topN'],
    ]);
    expect(problems[0].message).toBe('AAPL is already tickers[0]');
    expect(problems[4].message).toContain('did you mean rebalance=monthly?');
    expect(problems[5].message).toContain('fee=20%');
  });

  it('reports a calendar date that does not exist, on its field', () => {
    const problems = problemsOf({ ...BASE, start: '2021-02-29' });
    expect(problems).toEqual([
      {
        code: 'INVALID_COMMAND',
        field: 'start',
        message: '2021-02-29: 2021-02-29 is not a calendar date (2021-02 has 28 days)',
      },
    ]);
    expect(problemsOf({ ...BASE, start: '2011-01-01' }).map((problem) => problem.field)).toEqual(['end']);
  });

  it('checks the sizes of the universe and of the search', () => {
    expect(problemsOf({ ...BASE, tickers: ['AAPL'] })[0]).toMatchObject({ field: 'tickers', code: 'INVALID_FIELD' });
    const many = Array.from({ length: 51 }, (_, i) => `T${i}`);
    expect(problemsOf({ ...BASE, tickers: many })[0].message).toBe('a study needs 2 to 50 tickers, got 51');
    expect(problemsOf({ ...BASE, candidates: 1_000_001 })[0].field).toBe('candidates');
    expect(problemsOf({ ...BASE, method: 'grid' })[0]).toMatchObject({ field: 'candidates' });
    expect(problemsOf({ ...BASE, method: 'grid', candidates: undefined })[0]).toMatchObject({
      field: 'gridStepPercent',
    });
    expect(problemsOf({ ...BASE, method: 'grid', candidates: undefined, gridStepPercent: 3 })[0].message).toContain(
      'a grid step must divide 100%',
    );
    expect(problemsOf({ ...BASE, concentration: 2 })[0]).toMatchObject({ field: 'concentration' });
    expect(problemsOf({ ...BASE, method: 'sweep' })[0]).toMatchObject({ field: 'method' });
  });

  it('refuses a grid too large to evaluate, naming its size', () => {
    const tickers = Array.from({ length: 20 }, (_, i) => `T${i}`);
    const problems = problemsOf({ ...BASE, tickers, method: 'grid', candidates: undefined, gridStepPercent: 5 });
    // Compositions of 20 steps into 20 parts: C(39, 19) = 68,923,264,410.
    expect(problems).toEqual([
      {
        code: 'TOO_MANY_CANDIDATES',
        field: 'gridStepPercent',
        message:
          'the grid has 68,923,264,410 points, the limit is 1,000,000; use a larger step, fewer tickers or maxHoldings',
      },
    ]);
    // 50 tickers at 0.01 % with K = 40: a 50 × 10,000 × 41 counting table (160 MB) is not even built.
    const fifty = Array.from({ length: 50 }, (_, i) => `T${i}`);
    expect(
      problemsOf({
        ...BASE,
        tickers: fifty,
        method: 'grid',
        candidates: undefined,
        gridStepPercent: 0.01,
        constraints: { maxHoldings: 40 },
      }),
    ).toEqual([
      {
        code: 'TOO_MANY_CANDIDATES',
        field: 'gridStepPercent',
        message: 'a 0.01% grid over 50 tickers is too fine to count; use a larger step or fewer tickers',
      },
    ]);
    expect(
      validateStudySpec({
        ...BASE,
        tickers,
        method: 'grid',
        candidates: undefined,
        gridStepPercent: 5,
        constraints: { maxHoldings: 3 },
      }).gridCount,
    ).toBe(20 + 190 * 19 + 1140 * 171);
  });

  it('checks bounds and shorts', () => {
    expect(problemsOf({ ...BASE, constraints: { bounds: { KO: { minPercent: -10 } } } })).toEqual([
      {
        code: 'INVALID_FIELD',
        field: 'constraints.bounds.KO.minPercent',
        message: 'minPercent -10% is a short weight; set constraints.allowShorts to allow shorts',
      },
    ]);
    expect(problemsOf({ ...BASE, constraints: { bounds: { MSFT: { maxPercent: 10 } } } })[0].message).toBe(
      "MSFT is not one of the study's tickers",
    );
    expect(
      problemsOf({ ...BASE, constraints: { bounds: { KO: { minPercent: 30, maxPercent: 20 } } } })[0],
    ).toMatchObject({
      field: 'constraints.bounds.KO.minPercent',
    });
    expect(problemsOf({ ...BASE, constraints: { defaultBounds: { maxPercent: 12.345 } } })[0].message).toBe(
      'maxPercent 12.345 has more than 2 decimals',
    );
  });

  it('refuses constraints no portfolio satisfies, and ones random draws almost never satisfy', () => {
    expect(problemsOf({ ...BASE, constraints: { defaultBounds: { maxPercent: 30 } } })).toEqual([
      {
        code: 'INFEASIBLE_CONSTRAINTS',
        field: 'constraints',
        message: 'the largest weights can hold add up to 90%, under 100%',
      },
    ]);
    expect(problemsOf({ ...BASE, constraints: { defaultBounds: { minPercent: 40 } } })[0].message).toBe(
      'the minimum weights add up to 120%, over 100%',
    );
    expect(
      problemsOf({
        ...BASE,
        constraints: { maxHoldings: 1, bounds: { KO: { minPercent: 10 }, XOM: { minPercent: 10 } } },
      })[0],
    ).toMatchObject({ code: 'INFEASIBLE_CONSTRAINTS', field: 'constraints.maxHoldings' });
    // Dirichlet(0.5) draws of 20 tickers capped at 5.5 % almost never fit: refused (the pilot accepts none).
    const tickers = Array.from({ length: 20 }, (_, i) => `T${i}`);
    const capped = { ...BASE, tickers, constraints: { defaultBounds: { maxPercent: 5.5 } } };
    expect(problemsOf({ ...capped, method: 'dirichlet', concentration: 0.5 })[0]).toMatchObject({
      code: 'CONSTRAINTS_TOO_TIGHT',
      field: 'constraints',
    });
    // Uniform sampling needs no rejection (the exact lattice sampler): accepted.
    expect(validateStudySpec(capped).estimatedAcceptance).toBe(1);
  });

  it('refuses universes whose portfolios could not be written as a command', () => {
    const tickers = Array.from({ length: 50 }, (_, i) => `LONGTICKERNAME${String(i).padStart(2, '0')}`);
    expect(problemsOf({ ...BASE, tickers })[0]).toMatchObject({ field: 'tickers', code: 'INVALID_FIELD' });
    expect(validateStudySpec({ ...BASE, tickers, constraints: { maxHoldings: 20 } }).maxHoldings).toBe(20);
  });
});
