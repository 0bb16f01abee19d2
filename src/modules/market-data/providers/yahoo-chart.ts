import type {
  ChartEventDividend,
  ChartEventSplit,
  ChartMeta,
  ChartResultArray,
  ChartResultArrayQuote,
} from 'yahoo-finance2/modules/chart';
import { isoToDayNumber } from '../../../engine/market/trading-calendar';
import { isoOfDay } from '../date-ranges';
import type { AssetMetadata, DateRange, PriceRow } from '../market-data.types';
import type { ProviderSeries } from './market-data.provider';

/**
 * The steps that turn a Yahoo daily chart (yahoo-finance2's `chart`, `return: 'array'`) into a ProviderSeries:
 * pure functions, so the provider's fetchDaily only asks and assembles.
 */

/** The chart request's window in Unix seconds: from the start day's midnight (UTC) to the end day's end. */
export function chartPeriod(range: DateRange): { period1: number; period2: number } {
  return {
    period1: isoToDayNumber(range.start) * 86_400,
    period2: (isoToDayNumber(range.end) + 1) * 86_400,
  };
}

/** The calendar date of a Yahoo bar: its timestamp in the exchange's own time (meta.gmtoffset). */
export function exchangeDate(date: Date, gmtOffsetSeconds: number): string {
  return isoOfDay(Math.floor((date.getTime() + gmtOffsetSeconds * 1000) / 86_400_000));
}

/**
 * One row per exchange date within `range`, in the order Yahoo gave them: a bar without a positive close and
 * adjusted close (the adjusted close defaults to the close) is skipped, and of two bars on one date the first
 * is kept. Dividends and splits are null here (see attachDividends, attachSplits).
 */
export function priceRowsByDate(
  quotes: readonly ChartResultArrayQuote[],
  gmtOffsetSeconds: number,
  range: DateRange,
): Map<string, PriceRow> {
  const byDate = new Map<string, PriceRow>();
  for (const quote of quotes) {
    const close = quote.close;
    const adjClose = quote.adjclose ?? close;
    if (!isPositivePrice(close) || !isPositivePrice(adjClose)) continue;
    const date = exchangeDate(quote.date, gmtOffsetSeconds);
    if (date < range.start || date > range.end || byDate.has(date)) continue;
    byDate.set(date, { date, close, adjClose, dividend: null, splitRatio: null });
  }
  return byDate;
}

function isPositivePrice(price: number | null | undefined): price is number {
  return price !== null && price !== undefined && price > 0;
}

/** Sets each row's dividend to the amount paid on its date (the last one listed wins). */
export function attachDividends(
  byDate: ReadonlyMap<string, PriceRow>,
  dividends: readonly ChartEventDividend[],
  gmtOffsetSeconds: number,
): void {
  for (const dividend of dividends) {
    const row = byDate.get(exchangeDate(dividend.date, gmtOffsetSeconds));
    if (row) row.dividend = dividend.amount;
  }
}

/** Sets each row's split ratio (numerator ÷ denominator) effective on its date; a zero denominator is ignored. */
export function attachSplits(
  byDate: ReadonlyMap<string, PriceRow>,
  splits: readonly ChartEventSplit[],
  gmtOffsetSeconds: number,
): void {
  for (const split of splits) {
    const row = byDate.get(exchangeDate(split.date, gmtOffsetSeconds));
    if (row && split.denominator > 0) row.splitRatio = split.numerator / split.denominator;
  }
}

/** Name, currency, exchange and type as the chart's meta gives them (long names and full exchange names first). */
export function chartMetadata(ticker: string, meta: ChartMeta): AssetMetadata {
  return {
    ticker,
    name: meta.longName ?? meta.shortName ?? null,
    currency: meta.currency ?? null,
    exchange: meta.fullExchangeName ?? meta.exchangeName ?? null,
    type: meta.instrumentType ?? null,
  };
}

/** The whole chart as a ProviderSeries: its rows within `range`, ascending, with their dividends and splits. */
export function seriesOfChart(ticker: string, chart: ChartResultArray, range: DateRange): ProviderSeries {
  const offset = chart.meta.gmtoffset ?? 0;
  const byDate = priceRowsByDate(chart.quotes, offset, range);
  attachDividends(byDate, chart.events?.dividends ?? [], offset);
  attachSplits(byDate, chart.events?.splits ?? [], offset);
  const rows = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  return { metadata: chartMetadata(ticker, chart.meta), rows };
}
