import { BenchmarkMetrics } from './metrics.types';
import { PERIODS_PER_YEAR } from './periods';

/**
 * The returns against a benchmark's on the same rows (docs/metrics.md, "Against a benchmark"): beta and alpha
 * (QuantStats' `greeks`), correlation and R², tracking error and information ratio of r − b, and up and down
 * capture (ratios of geometric mean returns on the days the benchmark rose or fell). Two passes: the benchmark's
 * mean, then the centred co-moments. `mean` is the mean of `returns[1..n]`, already known to the caller.
 */
export function benchmarkStatistics(
  returns: Float64Array,
  benchmark: Float64Array,
  n: number,
  mean: number,
  ticker: string,
): BenchmarkMetrics {
  let benchmarkSum = 0;
  for (let t = 1; t <= n; t++) benchmarkSum += benchmark[t];
  const benchmarkMean = benchmarkSum / n;
  const activeMean = mean - benchmarkMean;
  let covariance = 0;
  let benchmarkSquares = 0;
  let returnSquares = 0;
  let activeSquares = 0;
  const up = new GrowthProducts();
  const down = new GrowthProducts();
  for (let t = 1; t <= n; t++) {
    const r = returns[t];
    const b = benchmark[t];
    const dr = r - mean;
    const db = b - benchmarkMean;
    covariance += dr * db;
    benchmarkSquares += db * db;
    returnSquares += dr * dr;
    const active = r - b - activeMean;
    activeSquares += active * active;
    if (b > 0) up.add(r, b);
    else if (b < 0) down.add(r, b);
  }
  const beta = benchmarkSquares > 0 ? covariance / benchmarkSquares : Number.NaN;
  const correlation = covariance / Math.sqrt(benchmarkSquares * returnSquares);
  const activeStd = n > 1 ? Math.sqrt(activeSquares / (n - 1)) : Number.NaN;
  return {
    ticker,
    // QuantStats fills an undefined beta or alpha with 0.
    beta: Number.isNaN(beta) ? 0 : beta,
    alpha: Number.isNaN(beta) ? 0 : (mean - beta * benchmarkMean) * PERIODS_PER_YEAR,
    correlation,
    rSquared: correlation * correlation,
    trackingError: activeStd * Math.sqrt(PERIODS_PER_YEAR),
    informationRatio: activeStd > 0 ? activeMean / activeStd : 0,
    upCapture: up.captureRatio(),
    downCapture: down.captureRatio(),
  };
}

const SCALE_EXPONENT = 512;
const SCALE_UP = 2 ** SCALE_EXPONENT;
const SCALE_DOWN = 2 ** -SCALE_EXPONENT;
const LN_SCALE = SCALE_EXPONENT * Math.LN2;

/**
 * Σ ln(1 + r) and Σ ln(1 + b) over some days, as products of the growth factors with one logarithm at the end
 * (a logarithm per day cost more than everything else in the metrics). Each f = 1 + r is rounded; its rounding
 * error e = r − (f − 1) is exact and is added back, as ln(f + e) = ln f + e/f + O(e²) ≈ ln f + e (what is left,
 * e·r/f, is below 2⁻⁵³|r|), so the sums keep the small returns' low bits as Σ log1p does: both agree to about
 * 1e-14 of a day's growth. Products are kept within range by exact powers of two.
 */
class GrowthProducts {
  count = 0;
  private returnProduct = 1;
  private returnCorrection = 0;
  private returnScale = 0;
  private benchmarkProduct = 1;
  private benchmarkCorrection = 0;
  private benchmarkScale = 0;

  add(r: number, b: number): void {
    this.count++;
    const fr = 1 + r;
    const fb = 1 + b;
    this.returnCorrection += r - (fr - 1);
    this.benchmarkCorrection += b - (fb - 1);
    let returnProduct = this.returnProduct * fr;
    let benchmarkProduct = this.benchmarkProduct * fb;
    if (!(returnProduct < SCALE_UP && returnProduct > SCALE_DOWN)) {
      if (returnProduct >= SCALE_UP) {
        returnProduct *= SCALE_DOWN;
        this.returnScale++;
      } else if (returnProduct > 0) {
        returnProduct *= SCALE_UP;
        this.returnScale--;
      }
    }
    if (!(benchmarkProduct < SCALE_UP && benchmarkProduct > SCALE_DOWN)) {
      if (benchmarkProduct >= SCALE_UP) {
        benchmarkProduct *= SCALE_DOWN;
        this.benchmarkScale++;
      } else if (benchmarkProduct > 0) {
        benchmarkProduct *= SCALE_UP;
        this.benchmarkScale--;
      }
    }
    this.returnProduct = returnProduct;
    this.benchmarkProduct = benchmarkProduct;
  }

  /** (exp(mean ln(1 + r)) − 1) / (exp(mean ln(1 + b)) − 1); NaN without a day. */
  captureRatio(): number {
    if (this.count === 0) return Number.NaN;
    const returnLog = Math.log(this.returnProduct) + this.returnCorrection + this.returnScale * LN_SCALE;
    const benchmarkLog = Math.log(this.benchmarkProduct) + this.benchmarkCorrection + this.benchmarkScale * LN_SCALE;
    return Math.expm1(returnLog / this.count) / Math.expm1(benchmarkLog / this.count);
  }
}
