/**
 * A metric over consecutive windows, one value per window, with no NaN: where the metric is
 * undefined for a window (Sharpe of a flat window, say) `defined[i]` is 0 and `values[i]` is 0.
 */
export interface RollingSeries {
  readonly values: Float64Array;
  /** null when every value is defined (the usual case); else 1 where defined, 0 where not. */
  readonly defined: Uint8Array | null;
}

/** Value i of a rolling series, or null where the metric is undefined (for JSON and workbooks). */
export function rollingValueAt(series: RollingSeries, i: number): number | null {
  return series.defined === null || series.defined[i] === 1 ? series.values[i] : null;
}

/** The whole series as plain numbers with null where undefined (what JSON and chart libraries take). */
export function rollingValues(series: RollingSeries): (number | null)[] {
  const out = new Array<number | null>(series.values.length);
  for (let i = 0; i < out.length; i++) out[i] = rollingValueAt(series, i);
  return out;
}

/** Writes values in order; any non-finite value becomes "undefined" (0 with defined = 0). */
export class RollingSeriesWriter {
  private readonly values: Float64Array;
  private defined: Uint8Array | null = null;

  constructor(count: number) {
    this.values = new Float64Array(count);
  }

  set(i: number, value: number): void {
    if (Number.isFinite(value)) {
      this.values[i] = value;
    } else {
      this.markUndefined(i);
    }
  }

  markUndefined(i: number): void {
    if (this.defined === null) this.defined = new Uint8Array(this.values.length).fill(1);
    this.defined[i] = 0;
    this.values[i] = 0;
  }

  finish(): RollingSeries {
    return { values: this.values, defined: this.defined };
  }
}
