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
  let ulcerSquares = 0;
  const periods = new UnderwaterPeriods(dayNumber);

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
    periods.add(periodStart, periodValley, t - 1, periodMin, recovered);
    if (recovered) {
      // Row t is back at (or above) the peak.
      peak = equity;
      t++;
    }
  }
  return {
    growth,
    ...periods.deepestAndLongest(),
    ulcerIndex: n > 1 ? Math.sqrt(ulcerSquares / (n - 1)) : Number.NaN,
  };
}

/** The periods under water seen so far (once each, in order): the deepest (ties keep the first) and the longest. */
class UnderwaterPeriods {
  private longestDays = 0;
  private deepest = 0;
  private start = -1;
  private trough = -1;
  private end = -1;
  private recovered = false;

  constructor(private readonly dayNumber: Int32Array) {}

  /** A period from row `start` to row `end` under water, lowest (`min`, negative) on row `trough`. */
  add(start: number, trough: number, end: number, min: number, recovered: boolean): void {
    const days = this.durationDays(start, end);
    if (days > this.longestDays) this.longestDays = days;
    if (min < this.deepest) {
      this.deepest = min;
      this.start = start;
      this.trough = trough;
      this.end = end;
      this.recovered = recovered;
    }
  }

  deepestAndLongest(): Omit<DrawdownStatistics, 'growth' | 'ulcerIndex'> {
    const found = this.start > 0;
    return {
      maxDrawdown: this.deepest,
      peakRow: found ? this.start - 1 : -1,
      troughRow: found ? this.trough : -1,
      recoveryRow: found && this.recovered ? this.end + 1 : -1,
      maxDrawdownDays: found ? this.durationDays(this.start, this.end) : 0,
      longestDrawdownDays: this.longestDays,
    };
  }

  /** QuantStats' duration: calendar days from the first to the last day under water, inclusive. */
  private durationDays(start: number, end: number): number {
    return this.dayNumber[end] - this.dayNumber[start] + 1;
  }
}
