import type { ChartMeta, ChartResultArray, ChartResultArrayQuote } from 'yahoo-finance2/modules/chart';
import { chartPeriod, exchangeDate, seriesOfChart } from './yahoo-chart';

/** New York in winter: UTC − 5 h. A bar at 14:30 UTC is 09:30 on the exchange's date. */
const NEW_YORK = -5 * 3600;

const bar = (iso: string, close: number | null, adjclose?: number | null): ChartResultArrayQuote => ({
  date: new Date(`${iso}T14:30:00Z`),
  open: close,
  high: close,
  low: close,
  close,
  volume: 1000,
  ...(adjclose === undefined ? {} : { adjclose }),
});

function chart(quotes: ChartResultArrayQuote[], meta: Partial<ChartMeta> = {}): ChartResultArray {
  return {
    meta: { currency: 'USD', exchangeName: 'NMS', instrumentType: 'EQUITY', gmtoffset: NEW_YORK, ...meta } as ChartMeta,
    quotes,
    events: {
      dividends: [{ date: new Date('2024-01-03T14:30:00Z'), amount: 0.24 }],
      splits: [
        { date: new Date('2024-01-04T14:30:00Z'), numerator: 4, denominator: 1, splitRatio: '4:1' },
        { date: new Date('2024-01-05T14:30:00Z'), numerator: 1, denominator: 0, splitRatio: '1:0' },
      ],
    },
  };
}

describe('a Yahoo daily chart as a provider series', () => {
  it('asks from the first day at midnight UTC to the end of the last day, in seconds', () => {
    // 2024-01-02 is day 19,724 since 1970-01-01: 19,724 × 86,400 = 1,704,153,600; the end is the next midnight.
    expect(chartPeriod({ start: '2024-01-02', end: '2024-01-05' })).toEqual({
      period1: 1_704_153_600,
      period2: 1_704_499_200,
    });
  });

  it("dates a bar in the exchange's own time", () => {
    // 03:00 UTC on the 3rd is 22:00 on the 2nd in New York.
    expect(exchangeDate(new Date('2024-01-03T03:00:00Z'), NEW_YORK)).toBe('2024-01-02');
    expect(exchangeDate(new Date('2024-01-03T03:00:00Z'), 0)).toBe('2024-01-03');
  });

  it('keeps positive bars within the range once per date, sorted, with dividends, splits and metadata', () => {
    const series = seriesOfChart(
      'ACME',
      chart(
        [
          bar('2024-01-05', 12, 11.5),
          bar('2024-01-02', 10, 9.5),
          bar('2024-01-03', 11), // no adjusted close: the close stands in
          bar('2024-01-03', 99, 99), // a second bar on one date: the first is kept
          bar('2024-01-04', null, 10), // no close
          bar('2024-01-08', 0, 10), // not positive (and after the range)
          bar('2024-01-01', 9, 9), // before the range
        ],
        { longName: 'Acme Corporation', shortName: 'ACME', fullExchangeName: 'NasdaqGS' },
      ),
      { start: '2024-01-02', end: '2024-01-05' },
    );
    expect(series).toEqual({
      metadata: { ticker: 'ACME', name: 'Acme Corporation', currency: 'USD', exchange: 'NasdaqGS', type: 'EQUITY' },
      rows: [
        { date: '2024-01-02', close: 10, adjClose: 9.5, dividend: null, splitRatio: null },
        { date: '2024-01-03', close: 11, adjClose: 11, dividend: 0.24, splitRatio: null },
        // The 4-for-1 split falls on 2024-01-04, a date without a usable bar; the 1:0 split is ignored.
        { date: '2024-01-05', close: 12, adjClose: 11.5, dividend: null, splitRatio: null },
      ],
    });
  });

  it('puts a split on its row and falls back to the short name and exchange code', () => {
    const series = seriesOfChart('ACME', chart([bar('2024-01-04', 40, 40)], { shortName: 'ACME Co' }), {
      start: '2024-01-01',
      end: '2024-01-31',
    });
    expect(series.metadata).toEqual({
      ticker: 'ACME',
      name: 'ACME Co',
      currency: 'USD',
      exchange: 'NMS',
      type: 'EQUITY',
    });
    expect(series.rows).toEqual([{ date: '2024-01-04', close: 40, adjClose: 40, dividend: null, splitRatio: 4 }]);
  });
});
