import {
  CandidateDrawer,
  chunkCandidateRange,
  StudyChunkReducer,
  type BatchResult,
  type StudyCandidates,
  type StudyChunkResult,
  type StudyDefinition,
  type StudyPlan,
} from '../../engine';

/**
 * The longest a chunk's drawing or reduction holds the event loop of a worker process: past it, the work waits
 * for one turn of the loop (setImmediate), so HTTP, Bull's lock renewals and progress writes go on between steps.
 */
export const STUDY_SLICE_MS = 5;

/** Candidates drawn or reduced between two looks at the clock (a few tenths of a millisecond with 20 tickers). */
const STEP = 32;

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Runs `step` (which returns what remains) until nothing remains, yielding whenever a slice lasted sliceMs. */
async function inSlices(step: (count: number) => number, sliceMs: number): Promise<void> {
  let sliceStart = performance.now();
  while (step(STEP) > 0) {
    if (performance.now() - sliceStart >= sliceMs) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
}

/** candidatesOfChunk in slices of about `sliceMs`: the same candidates, bit for bit. */
export async function drawChunkInSlices(
  study: StudyDefinition,
  chunk: number,
  chunkSize: number,
  sliceMs = STUDY_SLICE_MS,
): Promise<StudyCandidates> {
  const [from, to] = chunkCandidateRange(study, chunk, chunkSize);
  const drawer = new CandidateDrawer(study, from, to);
  await inSlices((count) => drawer.draw(count), sliceMs);
  return drawer.candidates;
}

/** reduceStudyChunk in slices of about `sliceMs`: the same result, bit for bit. */
export async function reduceChunkInSlices(
  plan: StudyPlan,
  candidates: StudyCandidates,
  batch: BatchResult,
  sliceMs = STUDY_SLICE_MS,
): Promise<StudyChunkResult> {
  const reducer = new StudyChunkReducer(plan, candidates, batch);
  await inSlices((count) => reducer.reduce(count), sliceMs);
  return reducer.result();
}
