/**
 * The equity curve of the daily returns and its drawdowns (docs/metrics.md, "Max drawdown"): QuantStats' equity
 * E_t = 1 + (Π_{s≤t}(1 + r_s) − 1) with E_0 = 1, so the start counts as a peak; drawdown_t = E_t / max_{s≤t} E_s − 1.
 * A drawdown period is a maximal run of rows under water (drawdown < 0). Rows are calendar rows (row 0 is the
 * start); −1 means none.
 */
export interface DrawdownStatistics {
  /** Π(1 + r_t): the final equity's growth factor (0 or below for a depleted run). */
  growth: number;
  /** The deepest drawdown (negative), 0 without one. */
  maxDrawdown: number;
  /** Last row at the peak before the deepest period (row 0 when it starts on the first return). */
  peakRow: number;
  /** Lowest row of the deepest period (the first if touched twice). */
  troughRow: number;
  /** First row back at the peak after it; −1 if still under water at the end. */
  recoveryRow: number;
  /** QuantStats' duration of the deepest period: calendar days from its first to its last row under water, inclusive. */
  maxDrawdownDays: number;
  /** The longest period, in the same convention. */
  longestDrawdownDays: number;
  /** √(Σ drawdown_t² / (N − 1)); NaN for a single return. */
  ulcerIndex: number;
}

export function drawdownStatistics(returns: Float64Array, dayNumber: Int32Array, n: number): DrawdownStatistics {
  let growth = 1;
  let equity = 1;
  let peak = 1;
  let maxDrawdown = 0;
  let ulcerSquares = 0;
  let longestDays = 0;
  // The deepest period so far: ties keep the first.
  let worstMin = 0;
  let worstStart = -1;
  let worstValley = -1;
  let worstEnd = -1;
  let worstRecovered = false;

  // Alternates two tight loops, at the peak and under water, so each day tests one condition and only the
  // days under water divide.
  let t = 1;
  while (t <= n) {
    // At or above the running peak the drawdown is exactly 0: it adds nothing.
    for (;;) {
      growth *= 1 + returns[t];
      equity = 1 + (growth - 1);
      if (equity < peak) break;
      peak = equity;
      if (++t > n) break;
    }
    if (t > n) break;

    // A period under water from row t, until the first row back at the peak (its recovery) or the end.
    const periodStart = t;
    let periodMin = 0;
    let periodValley = t;
    for (;;) {
      const drawdown = equity / peak - 1;
      ulcerSquares += drawdown * drawdown;
      if (drawdown < periodMin) {
        periodMin = drawdown;
        periodValley = t;
      }
      if (++t > n) break;
      growth *= 1 + returns[t];
      equity = 1 + (growth - 1);
      if (equity >= peak) break;
    }
    const recovered = t <= n;
    const periodEnd = t - 1;
    // QuantStats' duration: calendar days from the first to the last day under water, inclusive.
    const days = dayNumber[periodEnd] - dayNumber[periodStart] + 1;
    if (days > longestDays) longestDays = days;
    if (periodMin < maxDrawdown) maxDrawdown = periodMin;
    if (periodMin < worstMin) {
      worstMin = periodMin;
      worstStart = periodStart;
      worstValley = periodValley;
      worstEnd = periodEnd;
      worstRecovered = recovered;
    }
    if (recovered) {
      // Row t is back at (or above) the peak.
      peak = equity;
      t++;
    }
  }

  const found = worstStart > 0;
  return {
    growth,
    maxDrawdown,
    peakRow: found ? worstStart - 1 : -1,
    troughRow: found ? worstValley : -1,
    recoveryRow: found && worstRecovered ? worstEnd + 1 : -1,
    maxDrawdownDays: found ? dayNumber[worstEnd] - dayNumber[worstStart] + 1 : 0,
    longestDrawdownDays: longestDays,
    ulcerIndex: n > 1 ? Math.sqrt(ulcerSquares / (n - 1)) : Number.NaN,
  };
}
