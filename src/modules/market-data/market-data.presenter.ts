import { createHash } from 'node:crypto';
import { encodePriceSeries } from '../../engine/market/price-series.codec';
import type { AssetResponseDto, PriceSeriesResponseDto } from './dto/asset.response.dto';
import type { ServedSeries } from './market-data.types';

export function toAssetResponse(served: ServedSeries): AssetResponseDto {
  return {
    ...served.metadata,
    ticker: served.ticker,
    source: served.source,
    kind: served.kind,
    available: served.available,
  };
}

const nullable = (value: number) => (Number.isNaN(value) ? null : value);

export function toPriceSeriesResponse(served: ServedSeries): PriceSeriesResponseDto {
  return {
    ticker: served.ticker,
    source: served.source,
    kind: served.kind,
    currency: served.metadata.currency,
    available: served.available,
    count: served.series.dates.length,
    dates: [...served.series.dates],
    close: Array.from(served.close, nullable),
    adjClose: Array.from(served.series.prices),
    dividends: served.dividends,
    splits: served.splits,
  };
}

/** The upload format (date,close,adj_close), so a download can be edited and uploaded again. */
export function toCsv(served: ServedSeries): string {
  const lines = ['date,close,adj_close'];
  const { dates, prices } = served.series;
  for (let i = 0; i < dates.length; i++) {
    const close = served.close[i];
    lines.push(`${dates[i]},${Number.isNaN(close) ? '' : close},${prices[i]}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * The binary series (src/engine/market/price-series.codec.ts) and its strong ETag: a digest of the bytes, which hold
 * the ticker, source, kind, days and closes, so any write that changes the answer changes the ETag, in every
 * process, whatever the cache did meanwhile.
 */
export function toBinaryPrices(served: ServedSeries): { body: Uint8Array; etag: string } {
  const prices = served.series.prices;
  const body = encodePriceSeries({
    ticker: served.ticker,
    source: served.source,
    kind: served.kind,
    days: served.days,
    closes: prices instanceof Float64Array ? prices : Float64Array.from(prices),
  });
  const digest = createHash('sha256').update(body).digest('base64url').slice(0, 27);
  return { body, etag: `"pfps1-${digest}"` };
}

/** A year: "immutable" answers are kept as long as browsers keep anything. */
const IMMUTABLE_SECONDS = 365 * 24 * 3600;

/**
 * private for a request with a token (the answer may be that user's upload; never in a shared cache), public
 * otherwise; immutable when the answer cannot change (ServedSeries.settled), else revalidated on every use.
 */
export function binaryCacheControl(served: ServedSeries, authenticated: boolean): string {
  const scope = authenticated || served.source === 'upload' ? 'private' : 'public';
  return served.settled ? `${scope}, max-age=${IMMUTABLE_SECONDS}, immutable` : `${scope}, no-cache`;
}

/** Whether an If-None-Match header (a list, weak tags, or *) names `etag` (RFC 9110 §13.1.2: weak comparison). */
export function etagMatches(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  return header
    .split(',')
    .map((tag) => tag.trim())
    .some((tag) => tag === '*' || tag.replace(/^W\//, '') === etag);
}
