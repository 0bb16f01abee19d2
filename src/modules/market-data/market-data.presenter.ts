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
