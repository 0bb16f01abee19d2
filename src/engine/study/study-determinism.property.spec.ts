import fc from 'fast-check';
import { Worker } from 'node:worker_threads';
import { samplePrices } from '../__fixtures__/sample-prices.fixture';
import { ParallelBatchRunner } from '../batch/parallel-batch.runner';
import { candidateRange, candidatesOfChunk, studyChunkCount } from './study.candidates';
import { decodeStudyChunkResult, encodeStudyChunkResult } from './study.codec';
import { evaluateStudyChunk, evaluateStudyChunkParallel } from './study.evaluation';
import { StudyError } from './study.errors';
import { finalizeStudy } from './study.finalize';
import { mergeStudyResults } from './study.merge';
import { prepareStudyPlan, StudyPlan } from './study.plan';
import { StudyChunkResult, StudySpec } from './study.types';
import { validateStudySpec } from './study.validation';

const matrix = samplePrices();

/** Small studies (3–4 tickers, one to two years, 40–160 candidates) over varied options and methods. */
const smallStudy = fc
  .record({
    tickers: fc.shuffledSubarray(['AAPL', 'KO', 'XOM', 'JPM', 'GE', 'PFE'], { minLength: 3, maxLength: 4 }),
    year: fc.integer({ min: 1991, max: 2020 }),
    years: fc.integer({ min: 1, max: 2 }),
    method: fc.constantFrom('random', 'dirichlet', 'both'),
    candidates: fc.integer({ min: 40, max: 160 }),
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    allowShorts: fc.boolean(),
    rebalance: fc.constantFrom<StudySpec['options']>(
      {},
      { rebalance: { kind: 'periodic', frequency: 'monthly' } },
      { rebalance: { kind: 'band', thresholdPercent: 5 }, feePercent: 0.2 },
      { contribution: { amount: 1000, period: 'quarter' } },
    ),
    topN: fc.integer({ min: 1, max: 5 }),
  })
  .map((s): StudySpec => ({
    tickers: s.tickers,
    start: `${s.year}-01-01`,
    end: `${s.year + s.years}-01-01`,
    method: s.method,
    candidates: s.candidates,
    seed: s.seed,
    ...(s.method === 'dirichlet' ? { concentration: 0.5 } : {}),
    ...(s.method === 'both' ? { gridStepPercent: 25 } : {}),
    options: s.rebalance,
    constraints: { allowShorts: s.allowShorts },
    objectives: { maxDrawdownPercent: 30, targetCagrPercent: 5 },
    topN: s.topN,
  }));

/** Merges the results in a grouping and order driven by `choices`: random subsets, merged, put back. */
function mergeInSomeOrder(results: StudyChunkResult[], choices: number[]): StudyChunkResult {
  const pool = [...results];
  let c = 0;
  const next = (bound: number) => choices[c++ % choices.length] % bound;
  while (pool.length > 1) {
    const size = 2 + next(Math.min(3, pool.length - 1));
    const group: StudyChunkResult[] = [];
    for (let k = 0; k < size; k++) group.push(pool.splice(next(pool.length), 1)[0]);
    pool.splice(next(pool.length + 1), 0, mergeStudyResults(group));
  }
  return pool[0];
}

function wholeResult(plan: StudyPlan): StudyChunkResult {
  return evaluateStudyChunk(plan, candidateRange(plan.study, 0, plan.study.candidateCount));
}

describe('study results whatever the chunking and merging', () => {
  it('are identical for any chunk size, merge grouping and order (and through the JSON codec)', () => {
    fc.assert(
      fc.property(
        smallStudy,
        fc.integer({ min: 1, max: 64 }),
        fc.array(fc.nat(1000), { minLength: 1, maxLength: 40 }),
        (spec, chunkSize, choices) => {
          const plan = prepareStudyPlan(validateStudySpec(spec), matrix);
          const whole = wholeResult(plan);
          const chunks = Array.from({ length: studyChunkCount(plan.study, chunkSize) }, (_, c) =>
            evaluateStudyChunk(plan, candidatesOfChunk(plan.study, c, chunkSize)),
          );
          const merged = mergeInSomeOrder(chunks, choices);
          expect(merged).toEqual(whole);
          expect(decodeStudyChunkResult(encodeStudyChunkResult(merged))).toEqual(whole);
          expect(finalizeStudy(plan, merged, { references: null })).toEqual(
            finalizeStudy(plan, whole, { references: null }),
          );
        },
      ),
      { numRuns: 30 },
    );
  });

  it('refuses to merge a chunk twice, or chunks of another study, and to finalise an incomplete merge', () => {
    const spec: StudySpec = {
      tickers: ['AAPL', 'KO', 'XOM'],
      start: '2010-01-01',
      end: '2011-01-01',
      method: 'random',
      candidates: 30,
    };
    const plan = prepareStudyPlan(validateStudySpec(spec), matrix);
    const first = evaluateStudyChunk(plan, candidatesOfChunk(plan.study, 0, 10));
    const second = evaluateStudyChunk(plan, candidatesOfChunk(plan.study, 1, 10));
    const third = evaluateStudyChunk(plan, candidatesOfChunk(plan.study, 2, 10));
    expect(() => mergeStudyResults([first, second, first])).toThrow('candidates 0..10 appear in two results');
    const other = prepareStudyPlan(validateStudySpec({ ...spec, seed: 1 }), matrix);
    const foreign = evaluateStudyChunk(other, candidatesOfChunk(other.study, 1, 10));
    expect(() => mergeStudyResults([first, foreign])).toThrow(StudyError);
    expect(() => finalizeStudy(plan, mergeStudyResults([first, third]), { references: null })).toThrow(
      'the results cover candidates 0..10, 20..30, not all of 0..30',
    );
    expect(mergeStudyResults([third, first, second]).ranges).toEqual([0, 30]);
  });
});

describe('study chunks on the parallel batch runner', () => {
  const runner = new ParallelBatchRunner((source) => new Worker(source, { eval: true }), 2);
  afterAll(() => runner.close());

  it('give exactly the single-thread results', async () => {
    const plan = prepareStudyPlan(
      validateStudySpec({
        tickers: ['AAPL', 'KO', 'XOM', 'JPM', 'GE'],
        start: '2005-01-01',
        end: '2009-12-31',
        method: 'dirichlet',
        concentration: 2,
        candidates: 300,
        seed: 11,
        options: { rebalance: { kind: 'periodic', frequency: 'quarterly' }, feePercent: 0.1 },
        constraints: { maxHoldings: 4, bounds: { GE: { maxPercent: 20 } } },
      }),
      matrix,
    );
    const parallel = await Promise.all(
      [0, 1, 2].map((c) => evaluateStudyChunkParallel(plan, candidatesOfChunk(plan.study, c, 128), runner)),
    );
    expect(mergeStudyResults(parallel)).toEqual(wholeResult(plan));
  });
});
