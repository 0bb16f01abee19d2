import { studyError } from './study.errors';
import { buildGridTable, GridTable, GridWalker } from './study.grid';
import { buildLatticeTable, LatticeTable, latticeFits, sampleLattice } from './study.lattice';
import { candidateStreamSeed, CandidateRandom } from './study.random';
import { ConstrainedSampler, SamplingRules, samplingRules } from './study.sampler';
import { STUDY_LIMITS, StudyDefinition, WEIGHT_UNITS } from './study.types';

/** A contiguous run of a study's candidates: [first, first + count). */
export interface StudyCandidates {
  first: number;
  count: number;
  /** Signed weight units (hundredths of a percent) per candidate, row-major count × tickers. */
  units: Int32Array;
  /** The same as fractions, bit for bit what a command spelling these weights gives a simulation plan. */
  weights: Float64Array;
}

/**
 * The plan target a command's weight becomes: the parser reads `12.34%` as the double nearest 12.34, which is
 * 1234 / 100 (division is correctly rounded), and the plan divides side × weight by 100.
 */
export function unitsToWeight(units: number): number {
  return units < 0 ? -(-units / 100 / 100) : units / 100 / 100;
}

/** How many chunks of `chunkSize` candidates the study has. */
export function studyChunkCount(study: StudyDefinition, chunkSize: number): number {
  checkChunkSize(chunkSize);
  return Math.ceil(study.candidateCount / chunkSize);
}

/**
 * Chunk `chunkIndex` of `chunkSize` candidates (the last one may be shorter). Candidate i depends only on the
 * study (its seed) and i: grid points come first in the grid's order, then sampled candidates, each drawn from
 * its own random stream. Any cut into chunks, on any worker, gives the same candidates.
 */
export function candidatesOfChunk(study: StudyDefinition, chunkIndex: number, chunkSize: number): StudyCandidates {
  const [from, to] = chunkCandidateRange(study, chunkIndex, chunkSize);
  return candidateRange(study, from, to);
}

/** The candidates [from, to) of chunk `chunkIndex` of `chunkSize` (the last one may be shorter). */
export function chunkCandidateRange(study: StudyDefinition, chunkIndex: number, chunkSize: number): [number, number] {
  const chunks = studyChunkCount(study, chunkSize);
  if (!Number.isInteger(chunkIndex) || chunkIndex < 0 || chunkIndex >= chunks) {
    throw new RangeError(`chunk ${chunkIndex} is outside 0..${chunks - 1}`);
  }
  const first = chunkIndex * chunkSize;
  return [first, Math.min(study.candidateCount, first + chunkSize)];
}

/** Candidates [from, to) of the study. */
export function candidateRange(study: StudyDefinition, from: number, to: number): StudyCandidates {
  const drawer = new CandidateDrawer(study, from, to);
  drawer.draw(drawer.remaining);
  return drawer.candidates;
}

/**
 * Draws candidates [from, to) of the study a few at a time (`draw(count)`), so a server can give its event loop a
 * moment between the steps; once `remaining` is 0, `candidates` holds what candidateRange gives, bit for bit
 * (the same walk of the grid, the same random stream per candidate, in the same order).
 */
export class CandidateDrawer {
  readonly candidates: StudyCandidates;
  private next: number;
  private readonly tickers: number;
  private walker: GridWalker | null = null;
  private sampler: Attempt | null = null;
  private readonly out: Int32Array;

  constructor(
    private readonly study: StudyDefinition,
    from: number,
    private readonly to: number,
  ) {
    if (!Number.isInteger(from) || !Number.isInteger(to) || from < 0 || to > study.candidateCount || from > to) {
      throw new RangeError(`candidates ${from}..${to} are outside 0..${study.candidateCount}`);
    }
    this.tickers = study.tickers.length;
    const count = to - from;
    this.candidates = {
      first: from,
      count,
      units: new Int32Array(count * this.tickers),
      weights: new Float64Array(count * this.tickers),
    };
    this.next = from;
    this.out = new Int32Array(this.tickers);
  }

  /** Candidates still to draw. */
  get remaining(): number {
    return this.to - this.next;
  }

  /** Draws the next `count` candidates (fewer at the end); returns how many remain. */
  draw(count: number): number {
    const { study, tickers: n } = this;
    const { first, units, weights } = this.candidates;
    const end = Math.min(this.to, this.next + Math.max(0, Math.floor(count)));
    for (let index = this.next; index < end; index++) {
      const row = (index - first) * n;
      if (index < study.gridCount) {
        if (this.walker === null) {
          this.walker = new GridWalker(gridTableOf(study));
          this.walker.seek(index);
        } else this.walker.next();
        const stepUnits = Math.round(study.gridStepPercent! * 100);
        for (let i = 0; i < n; i++) units[row + i] = this.walker.values[i] * stepUnits;
      } else {
        this.sampler ??= samplerOf(study);
        drawCandidate(study, this.sampler, index, this.out);
        units.set(this.out, row);
      }
      for (let i = 0; i < n; i++) weights[row + i] = unitsToWeight(units[row + i]);
    }
    this.next = end;
    return this.remaining;
  }
}

/** One candidate's signed weight units, aligned with the study's tickers. */
export function candidateUnits(study: StudyDefinition, index: number): Int32Array {
  return candidateRange(study, index, index + 1).units;
}

type Attempt = (random: CandidateRandom, out: Int32Array) => boolean;

/**
 * Uniform candidates (concentration 1) come from the exact lattice sampler when its table fits in memory; other
 * concentrations, and lattices too large, from Dirichlet draws on the scaled simplex with rejection.
 */
export function usesLattice(study: StudyDefinition): boolean {
  return study.concentration === 1 && latticeFits(study.tickers.length, study.maxHoldings, WEIGHT_UNITS);
}

function samplerOf(study: StudyDefinition): Attempt {
  if (usesLattice(study)) {
    const table = latticeOf(study);
    return (random, out) => sampleLattice(table, random, out);
  }
  const sampler = new ConstrainedSampler(samplingRulesOf(study));
  return (random, out) => sampler.attempt(random, out);
}

function drawCandidate(study: StudyDefinition, attempt: Attempt, index: number, out: Int32Array): void {
  const random = new CandidateRandom(candidateStreamSeed(study.seed, index));
  for (let k = 0; k < STUDY_LIMITS.maxAttemptsPerCandidate; k++) {
    if (attempt(random, out)) return;
  }
  throw studyError(
    'CONSTRAINTS_TOO_TIGHT',
    'constraints',
    `candidate ${index} found no weights within the bounds in ${STUDY_LIMITS.maxAttemptsPerCandidate} draws`,
  );
}

function checkChunkSize(chunkSize: number): void {
  if (!Number.isInteger(chunkSize) || chunkSize < 1)
    throw new RangeError(`chunk size ${chunkSize} is not a positive whole number`);
}

/** Derived tables, built once per definition object (they follow from its fields alone). */
const gridTables = new WeakMap<StudyDefinition, GridTable>();
const rulesCache = new WeakMap<StudyDefinition, SamplingRules>();
const latticeCache = new WeakMap<StudyDefinition, LatticeTable>();

function latticeOf(study: StudyDefinition): LatticeTable {
  let table = latticeCache.get(study);
  if (!table) {
    table = buildLatticeTable(study.minUnits, study.maxUnits, WEIGHT_UNITS, study.maxHoldings)!;
    latticeCache.set(study, table);
  }
  return table;
}

function gridTableOf(study: StudyDefinition): GridTable {
  let table = gridTables.get(study);
  if (!table) {
    const stepUnits = Math.round(study.gridStepPercent! * 100);
    table = buildGridTable(study.minUnits, study.maxUnits, stepUnits, WEIGHT_UNITS, study.maxHoldings);
    gridTables.set(study, table);
  }
  return table;
}

function samplingRulesOf(study: StudyDefinition): SamplingRules {
  let rules = rulesCache.get(study);
  if (!rules) {
    rules = samplingRules(study.minUnits, study.maxUnits, WEIGHT_UNITS, study.maxHoldings, study.concentration);
    rulesCache.set(study, rules);
  }
  return rules;
}
