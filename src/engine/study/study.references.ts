import { simulateBatch } from '../batch/batch.simulator';
import { SUMMARY_METRICS } from '../batch/batch.kernel';
import { unitsToWeight } from './study.candidates';
import { StudyPlan } from './study.plan';
import { fractionsToUnits, studyPortfolio } from './study.portfolio';
import { ReferencePortfolios } from './study.types';

/** Daily simple returns of each ticker on the plan's rows 1..N, and their sample covariance (ddof 1). */
export interface AssetReturnStatistics {
  /** Sample standard deviation of each ticker's daily returns. */
  volatility: Float64Array;
  /** Row-major n × n sample covariance of daily returns. */
  covariance: Float64Array;
}

export function assetReturnStatistics(plan: StudyPlan): AssetReturnStatistics {
  const { prices, stride, columns, dates } = plan.simulation;
  const n = plan.study.tickers.length;
  const rows = dates.length;
  const days = rows - 1;
  const returns = new Float64Array(days * n);
  const mean = new Float64Array(n);
  for (let t = 1; t < rows; t++) {
    for (let i = 0; i < n; i++) {
      const r = prices[t * stride + columns[i]] / prices[(t - 1) * stride + columns[i]] - 1;
      returns[(t - 1) * n + i] = r;
      mean[i] += r;
    }
  }
  for (let i = 0; i < n; i++) mean[i] /= days;
  const covariance = new Float64Array(n * n);
  for (let t = 0; t < days; t++) {
    for (let i = 0; i < n; i++) {
      const di = returns[t * n + i] - mean[i];
      for (let j = i; j < n; j++) covariance[i * n + j] += di * (returns[t * n + j] - mean[j]);
    }
  }
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const value = days > 1 ? covariance[i * n + j] / (days - 1) : 0;
      covariance[i * n + j] = value;
      covariance[j * n + i] = value;
    }
  }
  const volatility = Float64Array.from({ length: n }, (_, i) => Math.sqrt(covariance[i * n + i]));
  return { volatility, covariance };
}

/** w_i ∝ 1/σ_i. Every σ must be positive. */
export function inverseVolatilityWeights(volatility: Float64Array): Float64Array {
  let sum = 0;
  for (let i = 0; i < volatility.length; i++) sum += 1 / volatility[i];
  return Float64Array.from(volatility, (sigma) => 1 / sigma / sum);
}

/**
 * Equal risk contribution weights — w_i (Σw)_i the same for every i, w ≥ 0, Σw = 1 — by cyclical coordinate
 * descent on the strictly convex ½ yᵀΣy − (1/n) Σ ln y_i (Griveau-Billion, Richard and Roncalli, 2013), whose
 * minimiser, normalised, is the ERC portfolio. Each coordinate step solves its quadratic exactly:
 * y_i = (−c_i + √(c_i² + 4 Σ_ii / n)) / (2 Σ_ii) with c_i = Σ_{j≠i} Σ_ij y_j. The diagonal must be positive.
 */
export function riskParityWeights(
  covariance: Float64Array,
  n: number,
  options: { tolerance?: number; maxSweeps?: number } = {},
): { weights: Float64Array; sweeps: number } {
  const tolerance = options.tolerance ?? 1e-14;
  const maxSweeps = options.maxSweeps ?? 10_000;
  const budget = 1 / n;
  const y = Float64Array.from({ length: n }, (_, i) => 1 / Math.sqrt(covariance[i * n + i]));
  let sweeps = 0;
  for (; sweeps < maxSweeps; sweeps++) {
    let largestChange = 0;
    for (let i = 0; i < n; i++) {
      let c = 0;
      for (let j = 0; j < n; j++) if (j !== i) c += covariance[i * n + j] * y[j];
      const diagonal = covariance[i * n + i];
      const next = (-c + Math.sqrt(c * c + 4 * diagonal * budget)) / (2 * diagonal);
      largestChange = Math.max(largestChange, Math.abs(next - y[i]) / next);
      y[i] = next;
    }
    if (largestChange <= tolerance) {
      sweeps++;
      break;
    }
  }
  const sum = y.reduce((total, value) => total + value, 0);
  return { weights: y.map((value) => value / sum), sweeps };
}

/**
 * The reference portfolios, computed directly and backtested on the study's plan: equal weight, inverse
 * volatility and risk parity (long only, every ticker, the study's bounds and K not applied), each rounded
 * to whole hundredths of a percent like every study portfolio. The last two are null when some ticker's
 * price never moves over the period (σ = 0).
 */
export function computeReferencePortfolios(plan: StudyPlan): ReferencePortfolios {
  const { study } = plan;
  const n = study.tickers.length;
  const statistics = assetReturnStatistics(plan);
  const equal = fractionsToUnits(Array.from({ length: n }, () => 1 / n));
  const defined = statistics.volatility.every((sigma) => sigma > 0);
  const inverse = defined ? fractionsToUnits(Array.from(inverseVolatilityWeights(statistics.volatility))) : null;
  const parity = defined ? fractionsToUnits(Array.from(riskParityWeights(statistics.covariance, n).weights)) : null;
  const portfolios = [equal, inverse, parity].filter((units): units is Int32Array => units !== null);
  const weights = new Float64Array(portfolios.length * n);
  portfolios.forEach((units, k) => units.forEach((unit, i) => (weights[k * n + i] = unitsToWeight(unit))));
  const batch = simulateBatch(plan.simulation, weights);
  const summaryOf = (k: number) => Float64Array.from(SUMMARY_METRICS, (metric) => batch.summary[metric][k]);
  return {
    equalWeight: studyPortfolio(study, null, equal, summaryOf(0)),
    inverseVolatility: inverse === null ? null : studyPortfolio(study, null, inverse, summaryOf(1)),
    riskParity: parity === null ? null : studyPortfolio(study, null, parity, summaryOf(2)),
  };
}
