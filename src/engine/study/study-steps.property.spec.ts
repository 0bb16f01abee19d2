import fc from 'fast-check';
import { samplePrices } from '../__fixtures__/sample-prices.fixture';
import { simulateBatch } from '../batch/batch.simulator';
import { CandidateDrawer, candidateRange } from './study.candidates';
import { encodeStudyChunkResult } from './study.codec';
import { reduceStudyChunk, StudyChunkReducer } from './study.evaluation';
import { prepareStudyPlan } from './study.plan';
import { StudySpec } from './study.types';
import { validateStudySpec } from './study.validation';

const matrix = samplePrices();

/** Studies of every method (grid points first, then draws), with and without shorts and a holdings limit. */
const study = fc
  .record({
    tickers: fc.shuffledSubarray(['AAPL', 'KO', 'XOM', 'JPM', 'GE', 'PFE'], { minLength: 3, maxLength: 5 }),
    method: fc.constantFrom('random', 'dirichlet', 'grid', 'both'),
    candidates: fc.integer({ min: 1, max: 120 }),
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    allowShorts: fc.boolean(),
    maxHoldings: fc.option(fc.constant(2), { nil: undefined }),
  })
  .map((s): StudySpec => ({
    tickers: s.tickers,
    start: '2019-01-01',
    end: '2020-06-30',
    method: s.method,
    ...(s.method === 'grid' ? {} : { candidates: s.candidates }),
    seed: s.seed,
    ...(s.method === 'dirichlet' ? { concentration: 0.5 } : {}),
    ...(s.method === 'grid' || s.method === 'both' ? { gridStepPercent: 25 } : {}),
    options: { rebalance: { kind: 'periodic', frequency: 'monthly' } },
    constraints: { allowShorts: s.allowShorts, ...(s.maxHoldings ? { maxHoldings: s.maxHoldings } : {}) },
    objectives: { maxDrawdownPercent: 30, targetCagrPercent: 5 },
    topN: 3,
  }));

/** Step sizes, used in turn until the work is done (0 draws nothing: the step is simply taken again). */
const steps = fc.array(fc.integer({ min: 0, max: 40 }), { minLength: 1, maxLength: 6 }).filter((s) => s.some(Boolean));

const bytes = (array: ArrayBufferView) => Buffer.from(array.buffer, array.byteOffset, array.byteLength);

describe('drawing and reducing a chunk step by step (what a worker does between turns of its event loop)', () => {
  it('draws the same candidates, bit for bit, whatever the steps', () => {
    fc.assert(
      fc.property(study, steps, fc.nat(), (spec, sizes, offset) => {
        const definition = validateStudySpec(spec);
        const from = offset % definition.candidateCount;
        const to = definition.candidateCount;
        const whole = candidateRange(definition, from, to);
        const drawer = new CandidateDrawer(definition, from, to);
        for (let s = 0; drawer.remaining > 0; s++) drawer.draw(sizes[s % sizes.length]);
        expect(drawer.candidates.first).toBe(whole.first);
        expect(drawer.candidates.count).toBe(whole.count);
        expect(bytes(drawer.candidates.units).equals(bytes(whole.units))).toBe(true);
        expect(bytes(drawer.candidates.weights).equals(bytes(whole.weights))).toBe(true);
      }),
      { numRuns: 60, seed: 2104 },
    );
  });

  it('reduces to the same chunk result, bit for bit, whatever the steps', () => {
    fc.assert(
      fc.property(study, steps, (spec, sizes) => {
        const plan = prepareStudyPlan(validateStudySpec(spec), matrix);
        const candidates = candidateRange(plan.study, 0, plan.study.candidateCount);
        const batch = simulateBatch(plan.simulation, candidates.weights);
        const reducer = new StudyChunkReducer(plan, candidates, batch);
        for (let s = 0; reducer.remaining > 0; s++) reducer.reduce(sizes[s % sizes.length]);
        const stepped = reducer.result();
        const whole = reduceStudyChunk(plan, candidates, batch);
        expect(encodeStudyChunkResult(stepped)).toBe(encodeStudyChunkResult(whole));
        expect(stepped.valid).toBe(whole.valid);
      }),
      { numRuns: 25, seed: 2105 },
    );
  });

  it('gives no result before every candidate is reduced', () => {
    const plan = prepareStudyPlan(
      validateStudySpec({
        tickers: ['AAPL', 'KO'],
        start: '2020-01-01',
        end: '2020-12-31',
        method: 'random',
        candidates: 10,
        seed: 3,
      }),
      matrix,
    );
    const candidates = candidateRange(plan.study, 0, 10);
    const reducer = new StudyChunkReducer(plan, candidates, simulateBatch(plan.simulation, candidates.weights));
    expect(reducer.reduce(4)).toBe(6);
    expect(() => reducer.result()).toThrow('6 candidates of the chunk are not reduced yet');
    expect(reducer.reduce(100)).toBe(0);
    expect(reducer.result().evaluated).toBe(10);
  });
});
