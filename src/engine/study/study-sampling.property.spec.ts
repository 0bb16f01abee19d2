import fc from 'fast-check';
import { candidateRange, candidatesOfChunk, studyChunkCount, unitsToWeight } from './study.candidates';
import { StudyError } from './study.errors';
import { candidateStreamSeed, CandidateRandom, STREAM_MULTIPLIER } from './study.random';
import { ConstrainedSampler, samplingRules } from './study.sampler';
import { StudyDefinition, StudySpec, WEIGHT_UNITS } from './study.types';
import { validateStudySpec } from './study.validation';

const TICKERS = ['A', 'B', 'C', 'D', 'E', 'F'];

/** Random study specifications over 2–6 tickers: every method, shorts or not, bounds, K. */
const studySpec: fc.Arbitrary<StudySpec> = fc
  .record({
    tickers: fc.integer({ min: 2, max: 6 }),
    method: fc.constantFrom('random', 'dirichlet', 'grid', 'both'),
    allowShorts: fc.boolean(),
    seed: fc.integer({ min: 0, max: 0xffffffff }),
    concentration: fc.constantFrom(0.2, 1, 3.5),
    step: fc.constantFrom(10, 12.5, 20, 25),
    maxHoldings: fc.option(fc.integer({ min: 1, max: 6 }), { nil: undefined }),
    bounds: fc.array(fc.tuple(fc.integer({ min: -100, max: 100 }), fc.integer({ min: -100, max: 100 })), {
      minLength: 6,
      maxLength: 6,
    }),
    bounded: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
  })
  .map(({ tickers, method, allowShorts, seed, concentration, step, maxHoldings, bounds, bounded }) => {
    const universe = TICKERS.slice(0, tickers);
    const entries = universe
      .map((ticker, i) => {
        if (!bounded[i]) return null;
        const [x, y] = allowShorts ? bounds[i] : [Math.abs(bounds[i][0]), Math.abs(bounds[i][1])];
        return [ticker, { minPercent: Math.min(x, y), maxPercent: Math.max(x, y) }] as const;
      })
      .filter((entry) => entry !== null);
    return {
      tickers: universe,
      start: '2000-01-01',
      end: '2001-01-01',
      method,
      seed,
      ...(method === 'grid' ? {} : { candidates: 60 }),
      ...(method === 'dirichlet' || method === 'both' ? { concentration } : {}),
      ...(method === 'grid' || method === 'both' ? { gridStepPercent: step } : {}),
      constraints: {
        allowShorts,
        maxHoldings: maxHoldings === undefined ? undefined : Math.min(maxHoldings, tickers),
        bounds: Object.fromEntries(entries),
      },
    } as StudySpec;
  });

/** The specification's constraints, checked directly on signed units. */
function satisfies(study: StudyDefinition, units: Int32Array): string | null {
  let gross = 0;
  let held = 0;
  for (let i = 0; i < units.length; i++) {
    gross += Math.abs(units[i]);
    if (units[i] !== 0) held++;
    if (units[i] < study.minUnits[i] || units[i] > study.maxUnits[i]) return `ticker ${i} at ${units[i]} out of bounds`;
    if (!study.allowShorts && units[i] < 0) return `ticker ${i} short`;
  }
  if (gross !== WEIGHT_UNITS) return `gross ${gross}`;
  if (held > study.maxHoldings) return `${held} holdings`;
  return null;
}

function validOrNull(spec: StudySpec): StudyDefinition | null {
  try {
    return validateStudySpec(spec);
  } catch (error) {
    if (error instanceof StudyError) return null;
    throw error;
  }
}

describe('study candidates', () => {
  it('respect every constraint, on every candidate of random specifications', () => {
    let checked = 0;
    fc.assert(
      fc.property(studySpec, (spec) => {
        const study = validOrNull(spec);
        if (study === null) return;
        // Grids with shorts can hold tens of thousands of points: the first and last 1,500 candidates.
        const n = study.tickers.length;
        const problems: string[] = [];
        const head = candidateRange(study, 0, Math.min(1500, study.candidateCount));
        const tail = candidateRange(study, Math.max(head.count, study.candidateCount - 1500), study.candidateCount);
        const units = Int32Array.from([...head.units, ...tail.units]);
        const weights = Float64Array.from([...head.weights, ...tail.weights]);
        for (let k = 0; k < head.count + tail.count; k++) {
          const row = units.subarray(k * n, (k + 1) * n);
          const problem = satisfies(study, row);
          if (problem !== null) problems.push(`candidate ${k}: ${problem}`);
          if (row.some((unit, i) => weights[k * n + i] !== unitsToWeight(unit)))
            problems.push(`candidate ${k}: weights`);
          checked++;
        }
        expect(problems).toEqual([]);
      }),
      { numRuns: 150 },
    );
    expect(checked).toBeGreaterThan(5000);
  });

  it('depend only on the seed and their index, whatever the chunking', () => {
    fc.assert(
      fc.property(studySpec, fc.integer({ min: 1, max: 50 }), (spec, chunkSize) => {
        const study = validOrNull(spec);
        if (study === null) return;
        if (study.candidateCount > 3000) return;
        const whole = candidateRange(study, 0, study.candidateCount);
        const chunks = studyChunkCount(study, chunkSize);
        const pieces: number[] = [];
        for (let c = chunks - 1; c >= 0; c--) {
          const chunk = candidatesOfChunk(study, c, chunkSize);
          expect(chunk.first).toBe(c * chunkSize);
          pieces.unshift(...chunk.units);
        }
        expect(pieces).toEqual(Array.from(whole.units));
      }),
      { numRuns: 100 },
    );
  });

  it('differ between seeds', () => {
    const spec: StudySpec = {
      tickers: TICKERS,
      start: '2000-01-01',
      end: '2001-01-01',
      method: 'random',
      candidates: 50,
    };
    const a = candidateRange(validateStudySpec({ ...spec, seed: 1 }), 0, 50).units;
    const b = candidateRange(validateStudySpec({ ...spec, seed: 2 }), 0, 50).units;
    expect(Array.from(a)).not.toEqual(Array.from(b));
  });
});

describe('candidate random streams', () => {
  it('never share state words between two candidates of one study (index differences below 2^20)', () => {
    // Stream seeds s_j = mix(seed) + j·A; the generator seeds its words from splitmix32 at s + γ, s + 2γ, ...
    // Candidates j < j' share a word only if (j' − j)·A ≡ d·γ (mod 2^32) for d in 1..3.
    const gamma = 0x9e3779b9n;
    const modulus = 2n ** 32n;
    const a = BigInt(STREAM_MULTIPLIER);
    const inverse = ((): bigint => {
      // Newton's iteration for the inverse of an odd number modulo 2^32.
      let x = a;
      for (let i = 0; i < 5; i++) x = (x * (2n - a * x)) % modulus;
      return (x + modulus) % modulus;
    })();
    expect((a * inverse) % modulus).toBe(1n);
    for (const d of [1n, 2n, 3n]) {
      const difference = (d * gamma * inverse) % modulus;
      const distance = difference < modulus - difference ? difference : modulus - difference;
      expect(distance).toBeGreaterThan(2n ** 20n);
    }
    const seeds = new Set(Array.from({ length: 100_000 }, (_, j) => candidateStreamSeed(42, j)));
    expect(seeds.size).toBe(100_000);
  });

  it('draws uniform (0, 1) and the moments of a Dirichlet(α)', () => {
    // Dirichlet(α, …, α) on n = 4: mean 1/4, variance (1/4)(3/4) / (4α + 1). 20,000 draws per α from fixed streams.
    for (const alpha of [0.3, 1, 4]) {
      const draws = 20_000;
      const out = new Float64Array(4);
      let sum = 0;
      let squares = 0;
      let worstTotal = 0;
      for (let k = 0; k < draws; k++) {
        new CandidateRandom(candidateStreamSeed(7, k)).dirichlet(alpha, out, 4);
        worstTotal = Math.max(worstTotal, Math.abs(out[0] + out[1] + out[2] + out[3] - 1));
        sum += out[0];
        squares += out[0] * out[0];
      }
      const mean = sum / draws;
      const variance = squares / draws - mean * mean;
      const expectedVariance = (0.25 * 0.75) / (4 * alpha + 1);
      // Standard error of the mean: √(variance / draws) ≤ 0.003; of the variance, well under 10 %.
      expect(worstTotal).toBeLessThan(1e-15);
      expect(Math.abs(mean - 0.25)).toBeLessThan(0.012);
      expect(Math.abs(variance / expectedVariance - 1)).toBeLessThan(0.1);
    }
  });

  it('samples uniformly over the simplex: the first weight of 5 follows Beta(1, 4)', () => {
    // P(w_1 ≤ x) = 1 − (1 − x)^4. Kolmogorov–Smirnov distance of 20,000 draws: 1.63/√20000 = 0.0115 at 1 %.
    const study = validateStudySpec({
      tickers: TICKERS.slice(0, 5),
      start: '2000-01-01',
      end: '2001-01-01',
      method: 'random',
      candidates: 20_000,
      seed: 99,
    });
    const { units } = candidateRange(study, 0, 20_000);
    const first = Array.from({ length: 20_000 }, (_, k) => units[k * 5] / WEIGHT_UNITS).sort((x, y) => x - y);
    let distance = 0;
    first.forEach((x, k) => {
      const cdf = 1 - Math.pow(1 - x, 4);
      distance = Math.max(distance, Math.abs((k + 1) / first.length - cdf), Math.abs(k / first.length - cdf));
    });
    expect(distance).toBeLessThan(0.0115);
  });
});

describe('Dirichlet sampling by rejection', () => {
  it('accepts uniform draws of 20 tickers capped at 15 % as often as inclusion–exclusion predicts', () => {
    // A uniform point of the n-simplex has every weight ≤ c with probability Σ_k (−1)^k C(n, k) (1 − kc)₊^(n−1):
    // 1 − 20·0.85^19 + 190·0.7^19 − 1140·0.55^19 + 4845·0.4^19 − … = 0.29142 for n = 20, c = 0.15.
    const rules = samplingRules(new Int32Array(20), new Int32Array(20).fill(1500), WEIGHT_UNITS, 20, 1);
    const sampler = new ConstrainedSampler(rules);
    const out = new Int32Array(20);
    let accepted = 0;
    for (let k = 0; k < 20_000; k++)
      if (sampler.attempt(new CandidateRandom(candidateStreamSeed(5, k)), out)) accepted++;
    // Standard error √(0.29 · 0.71 / 20,000) = 0.0032: within 3 of them.
    expect(Math.abs(accepted / 20_000 - 0.29142)).toBeLessThan(0.0096);
  });
});
