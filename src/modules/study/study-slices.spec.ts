import { describe, expect, it } from '@jest/globals';
import {
  candidatesOfChunk,
  encodeStudyChunkResult,
  prepareStudyPlan,
  reduceStudyChunk,
  simulateBatch,
  validateStudySpec,
} from '../../engine';
import { samplePrices } from '../../engine/__fixtures__/sample-prices.fixture';
import { drawChunkInSlices, reduceChunkInSlices } from './study-slices';

const plan = prepareStudyPlan(
  validateStudySpec({
    tickers: ['AAPL', 'KO', 'XOM', 'JNJ'],
    start: '2018-01-01',
    end: '2020-12-31',
    method: 'both',
    gridStepPercent: 25,
    candidates: 500,
    seed: 7,
    options: { rebalance: { kind: 'periodic', frequency: 'quarterly' } },
  }),
  samplePrices(),
);
const CHUNK = 256;

const bytes = (array: ArrayBufferView) => Buffer.from(array.buffer, array.byteOffset, array.byteLength);

/** Counts the turns of the event loop while `work` runs. */
async function turnsDuring<T>(work: () => Promise<T>): Promise<{ value: T; turns: number }> {
  let turns = 0;
  let running = true;
  const tick = () => {
    turns++;
    if (running) setImmediate(tick);
  };
  setImmediate(tick);
  const value = await work();
  running = false;
  return { value, turns };
}

describe('a study chunk drawn and reduced in slices on the event loop', () => {
  it('gives the candidates and the chunk result of the one-piece functions, bit for bit, for every chunk', async () => {
    const chunks = Math.ceil(plan.study.candidateCount / CHUNK);
    expect(chunks).toBe(3); // 35 grid points and 500 draws: the first chunk holds both kinds
    for (let chunk = 0; chunk < chunks; chunk++) {
      const whole = candidatesOfChunk(plan.study, chunk, CHUNK);
      const sliced = await drawChunkInSlices(plan.study, chunk, CHUNK, 0);
      expect([sliced.first, sliced.count]).toEqual([whole.first, whole.count]);
      expect(bytes(sliced.units).equals(bytes(whole.units))).toBe(true);
      expect(bytes(sliced.weights).equals(bytes(whole.weights))).toBe(true);

      const batch = simulateBatch(plan.simulation, whole.weights);
      const reduced = await reduceChunkInSlices(plan, whole, batch, 0);
      expect(encodeStudyChunkResult(reduced)).toBe(encodeStudyChunkResult(reduceStudyChunk(plan, whole, batch)));
    }
  });

  it('lets the event loop turn between slices: after every step with a 0 ms slice, never with an unbounded one', async () => {
    const candidates = candidatesOfChunk(plan.study, 0, CHUNK);
    const batch = simulateBatch(plan.simulation, candidates.weights);
    // A slice of 0 ms yields after every step of 32 candidates: 256 candidates, 8 steps, 7 turns at least.
    expect((await turnsDuring(() => drawChunkInSlices(plan.study, 0, CHUNK, 0))).turns).toBeGreaterThanOrEqual(7);
    expect((await turnsDuring(() => reduceChunkInSlices(plan, candidates, batch, 0))).turns).toBeGreaterThanOrEqual(7);
    // An unbounded slice does the chunk in one piece.
    expect((await turnsDuring(() => drawChunkInSlices(plan.study, 0, CHUNK, Infinity))).turns).toBeLessThanOrEqual(1);
  });
});
