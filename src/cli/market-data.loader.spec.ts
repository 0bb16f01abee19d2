import { parseCommand } from '../engine/command/command.parser';
import type { PortfolioCommand } from '../engine/command/command.types';
import { simulatePortfolio } from '../engine/simulation/portfolio.simulator';
import { PriceRangeUnavailableError } from '../modules/market-data/market-data.errors';
import type { SeriesRequestOptions } from '../modules/market-data/market-data.service';
import type { DateRange, ServedSeries } from '../modules/market-data/market-data.types';
import { commandPrices } from './market-data.loader';

const DATES = ['2020-01-02', '2020-01-03', '2020-01-06', '2020-01-07', '2020-01-08'];
const PEP = [100, 102, 101, 104, 105];

function served(ticker: string, prices: number[]): ServedSeries {
  return {
    ticker,
    source: 'yahoo',
    kind: 'total-return',
    metadata: { ticker, name: null, currency: 'USD', exchange: null, type: 'EQUITY' },
    available: { start: DATES[0], end: DATES[DATES.length - 1] },
    series: { ticker, dates: DATES, prices },
    days: new Int32Array(DATES.map((date) => Date.parse(date) / 86_400_000)),
    close: Float64Array.from(prices),
    settled: true,
    dividends: [],
    splits: [],
  };
}

/** A market-data module holding PEP only: any other ticker has no prices in the range. */
function marketData() {
  const asked: { ticker: string; options: SeriesRequestOptions }[] = [];
  return {
    asked,
    getPrices: (ticker: string, range: Partial<DateRange> = {}, options: SeriesRequestOptions = {}) => {
      asked.push({ ticker, options });
      if (ticker === 'PEP') return Promise.resolve(served('PEP', PEP));
      const requested = { start: range.start ?? '', end: range.end ?? '' };
      return Promise.reject(new PriceRangeUnavailableError(ticker, 'yahoo', requested, null));
    },
  };
}

function command(input: string): PortfolioCommand {
  const parsed = parseCommand(input);
  if (!parsed.ok) throw new Error(`${input} does not parse`);
  return parsed.command;
}

describe('CLI --source yahoo|db prices (commandPrices)', () => {
  it('runs an FB= base with no prices of its own in the range on its fallback, as the server does', async () => {
    const source = marketData();
    const young = command('YOUNG?FB=PEP-L-100% 2020-01-02 2020-01-08');

    const matrix = await commandPrices(source, 'db', young);

    expect(source.asked.map((one) => one.ticker).sort()).toEqual(['PEP', 'YOUNG']);
    expect(source.asked[0].options).toEqual({ storedOnly: true, lookBack: true });
    const result = simulatePortfolio(young, matrix);
    expect(result.dates).toEqual(DATES);
    // All in the fallback: the portfolio moves as PEP does.
    expect(result.finalNav).toBeCloseTo(100_000 * (PEP[4] / PEP[0]), 6);
  });

  it('asks the providers for --source yahoo', async () => {
    const source = marketData();
    await commandPrices(source, 'yahoo', command('PEP-L-100% 2020-01-02 2020-01-08'));
    expect(source.asked).toEqual([{ ticker: 'PEP', options: { storedOnly: false, lookBack: true } }]);
  });

  it('still refuses a ticker that must have prices (a plain position, a base without FB=)', async () => {
    await expect(
      commandPrices(marketData(), 'db', command('YOUNG-L-50% PEP-L-50% 2020-01-02 2020-01-08')),
    ).rejects.toThrow(PriceRangeUnavailableError);
    await expect(commandPrices(marketData(), 'db', command('YOUNG?L=2-L-100% 2020-01-02 2020-01-08'))).rejects.toThrow(
      'YOUNG has no prices from 2020-01-02 to 2020-01-08',
    );
  });
});
