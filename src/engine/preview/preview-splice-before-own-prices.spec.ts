import { PriceSeriesColumns } from '../market/price-series.codec';
import { isoToDayNumber } from '../market/trading-calendar';
import { PreviewSession } from './preview.session';

function series(ticker: string, dates: string[], closes: number[]): PriceSeriesColumns {
  return {
    ticker,
    source: 'sample',
    kind: 'total-return',
    days: Int32Array.from(dates.map(isoToDayNumber)),
    closes: Float64Array.from(closes),
  };
}

// OLD trades from 2024-01-02; YOUNG only from 2024-02-01, after the period asked.
const OLD = series('OLD', ['2024-01-02', '2024-01-03', '2024-01-04'], [10, 11, 12.1]);
const YOUNG = series('YOUNG', ['2024-02-01', '2024-02-02'], [50, 51]);

describe('the live preview of a spliced ticker before its own first price', () => {
  it('runs on the fallback alone, as the server does, and names only the series that gave prices', () => {
    const session = new PreviewSession();
    session.addSeries(OLD);
    session.addSeries(YOUNG);
    const outcome = session.run('YOUNG?FB=OLD-L-100% 2024-01-02 2024-01-04');
    if (outcome.status !== 'ok') throw new Error(`expected a result, got ${JSON.stringify(outcome)}`);
    // 100,000 in OLD's returns: +10 % then +10 %: 110,000 then 121,000.
    expect(Array.from(outcome.result.nav)).toEqual([100_000, 110_000, 121_000]);
    expect(outcome.result.dataSources).toEqual([{ ticker: 'OLD', source: 'sample', kind: 'total-return' }]);

    // Held plainly, YOUNG must have prices in the range: the server's refusal.
    expect(session.run('YOUNG-L-50% YOUNG?FB=OLD-L-50% 2024-01-02 2024-01-04')).toMatchObject({
      status: 'failed',
      code: 'PRICE_RANGE_UNAVAILABLE',
    });
  });
});
