import type { LoadedPrices } from '../../src/modules/simulation/price-source';
import { PriceSource } from '../../src/modules/simulation/price-source';

/** Weekdays from `start` to `end` (ISO dates, inclusive). */
export function weekdays(start: string, end: string): string[] {
  const days: string[] = [];
  for (let day = new Date(`${start}T00:00:00Z`); day <= new Date(`${end}T00:00:00Z`);) {
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6) days.push(day.toISOString().slice(0, 10));
    day = new Date(day.getTime() + 86_400_000);
  }
  return days;
}

/**
 * A PriceSource that serves every asked ticker a smooth synthetic path over 2019-12-02 … 2021-12-31 (each
 * ticker its own drift and wobble), or throws what `failFor` says for a ticker. Records what was asked.
 */
export class SyntheticPriceSource extends PriceSource {
  readonly asked: string[][] = [];
  failFor = new Map<string, unknown>();

  async load(tickers: readonly string[]): Promise<LoadedPrices> {
    this.asked.push([...tickers]);
    const dates = weekdays('2019-12-02', '2021-12-31');
    const series = tickers.map((ticker, t) => {
      const failure = this.failFor.get(ticker);
      if (failure !== undefined) throw failure;
      const prices = dates.map((_, i) => 100 * (1 + 0.0003 * (t + 1)) ** i * (1 + 0.01 * Math.sin(i / (5 + t))));
      return { ticker, dates, prices };
    });
    const sources = Object.fromEntries(tickers.map((ticker) => [ticker, 'sample']));
    return {
      series,
      sources,
      dataSources: tickers.map((ticker) => ({ ticker, source: 'sample', kind: 'total-return' as const })),
    };
  }
}
