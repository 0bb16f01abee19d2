import { parseCommandOrThrow } from '../../src/engine/command/command.parser';
import { mergePriceSeries, type PriceSeries } from '../../src/engine/market/price-matrix';
import { simulationSeries } from '../../src/engine/market/simulation-prices';
import { isoToDayNumber } from '../../src/engine/market/trading-calendar';
import { simulatePortfolio } from '../../src/engine/simulation/portfolio.simulator';
import { loadSamplePrices } from '../../src/sample-data/sample-data.loader';
import { Detail, EmbeddedResults, summaryRows as summarySheetRows } from '../support/embedded-results';
import type { TestUser } from '../support/test-users';

/** A rate series of annual percentages: 2% from before 2015, 3% from 2016 (sparse: carried forward). */
const RATES_CSV = 'date,close\n2014-12-31,2\n2016-01-04,3\n';
/** A monthly price index rising 0.2 a month from 100 (December 2014) to January 2017. */
const CPI_CSV = `date,close\n${Array.from({ length: 26 }, (_, m) => {
  const month = new Date(Date.UTC(2014, 11 + m, 1)).toISOString().slice(0, 10);
  return `${month},${(100 + 0.2 * m).toFixed(1)}`;
}).join('\n')}\n`;
/** A young fund: KO's prices from 2016 on, times 0.5 (so its level differs from KO's). */
function youngCsv(): string {
  const sample = loadSamplePrices();
  const column = sample.tickerIndex.get('KO')!;
  const rows: string[] = [];
  sample.dates.forEach((date, r) => {
    if (date >= '2016-01-04' && date <= '2016-12-30')
      rows.push(`${date},${sample.values[r * sample.tickers.length + column] * 0.5}`);
  });
  return `date,close\n${rows.join('\n')}\n`;
}

/** The series the server serves a simulation (simulationSeries, the same function), for the engine run beside it. */
function served(csvs: Record<string, string>, tickers: readonly string[], start: string, end: string): PriceSeries[] {
  const sample = loadSamplePrices();
  return tickers.map((ticker) => {
    let dates: string[];
    let closes: number[];
    if (csvs[ticker]) {
      const lines = csvs[ticker].trim().split('\n').slice(1);
      dates = lines.map((line) => line.split(',')[0]);
      closes = lines.map((line) => Number(line.split(',')[1]));
    } else {
      const column = sample.tickerIndex.get(ticker)!;
      dates = [...sample.dates];
      closes = sample.dates.map((_, r) => sample.values[r * sample.tickers.length + column]);
    }
    const days = Int32Array.from(dates, isoToDayNumber);
    const valid = closes.map((close) => Number.isFinite(close));
    return simulationSeries(
      ticker,
      days.filter((_, i) => valid[i]),
      Float64Array.from(closes.filter((_, i) => valid[i])),
      start,
      end,
    )!;
  });
}

/**
 * Leverage, cash that earns and costs, synthetic tickers, spliced histories and real returns (issue 18), through the
 * API as `npm start` runs it: SQLite, the in-process queue, the bundled sample data and the person's own uploads.
 */
describe('leverage through the API, embedded', () => {
  const app = new EmbeddedResults('leverage');
  let alice: TestUser;
  const api = () => app.api();
  const simulate = (command: string): Promise<Detail> => app.simulate(command);
  const summaryRows = async (simulationId: string): Promise<unknown[][]> =>
    summarySheetRows(await app.workbookOf(simulationId));

  beforeAll(async () => {
    await app.start();
    alice = app.alice;
    await app.upload('MYRATE', RATES_CSV);
    await app.upload('MYCPI', CPI_CSV);
    await app.upload('YOUNG', youngCsv());
  });

  afterAll(() => app.close());

  it('runs a margin loan at borrow= with the engine’s numbers, its notes in the API and the XLSX', async () => {
    const command = 'KO-L-150% CASH-S-50% 2015-01-02 2016-12-30 borrow=5% cash=1%';
    const detail = await simulate(command);
    expect(detail.status).toBe('completed');
    const engine = simulatePortfolio(parseCommandOrThrow(command).command, loadSamplePrices());
    expect(detail.summary.finalValue).toBeCloseTo(engine.finalNav, 6);
    expect(detail.summary.exposure).toEqual({ long: 1.5, short: 0, gross: 1.5, net: 1.5, cash: -0.5 });
    expect(detail.summary.cashInterest).toEqual({
      cashRate: '1%',
      borrowRate: '5%',
      dayCount: 'actual/360',
      earned: 0,
      paid: expect.closeTo(engine.cashInterest!.paid, 6),
    });
    // About 50,000 × 5% / 360 × 728 days, compounded: a little over 5,000.
    expect(detail.summary.cashInterest.paid).toBeGreaterThan(5000);
    expect(detail.summary.notes.map((note: { code: string }) => note.code)).toEqual(['LEVERAGE', 'CASH_INTEREST']);
    expect(detail.summary.notes[0].message).toContain('a loan of 50% of the capital; the loan pays borrow=5% a year');

    const rows = await summaryRows(detail.id as string);
    expect(rows.find((row) => row[0] === 'LEVERAGE')?.[1]).toBe(detail.summary.notes[0].message);
    expect(rows.find((row) => row[0] === 'Interest paid on loans')?.[1]).toBeCloseTo(engine.cashInterest!.paid, 6);
    expect(rows.find((row) => row[0] === 'borrow')?.[1]).toBe('5%');
  });

  it('loads the underlying, the rate series and the price index of synthetic tickers with real returns', async () => {
    const command =
      'ko?l=2-L-60% YOUNG?FB=PEP-L-40% 2015-01-02 2016-12-30 cash=myrate inflation=MYCPI benchmark=KO?L=3';
    const detail = await simulate(command);
    expect(detail.status).toBe('completed');
    expect(detail.canonical).toBe(
      'KO?L=2-L-60% YOUNG?FB=PEP-L-40% 2015-01-02 2016-12-30 benchmark=KO?L=3 cash=MYRATE inflation=MYCPI',
    );
    // Every plain series, once: the underlying, the rate series and the index.
    expect(detail.summary.dataSources.map((one: { ticker: string }) => one.ticker).sort()).toEqual(
      ['KO', 'MYCPI', 'MYRATE', 'PEP', 'YOUNG'].sort(),
    );
    const parsed = parseCommandOrThrow(command).command;
    const engine = simulatePortfolio(
      parsed,
      mergePriceSeries(
        served(
          { MYRATE: RATES_CSV, MYCPI: CPI_CSV, YOUNG: youngCsv() },
          ['KO', 'YOUNG', 'PEP', 'MYRATE', 'MYCPI'],
          parsed.start,
          parsed.end,
        ),
      ),
    );
    expect(detail.summary.finalValue).toBeCloseTo(engine.finalNav, 6);
    expect(detail.summary.realReturns).toEqual({
      inflation: 'MYCPI',
      cumulativeInflation: expect.closeTo(engine.realReturns!.cumulativeInflation, 12),
      annualInflation: expect.closeTo(engine.realReturns!.annualInflation, 12),
      finalValue: expect.closeTo(engine.realReturns!.finalValue, 6),
      totalReturn: expect.closeTo(engine.realReturns!.totalReturn, 9),
      cagr: expect.closeTo(engine.realReturns!.cagr, 9),
    });
    // The index rose from 100.2 (January 2015) to 104.8 (December 2016).
    expect(detail.summary.realReturns.cumulativeInflation).toBeCloseTo(104.8 / 100.2 - 1, 12);
    const synthetics = detail.summary.synthetics as { ticker: string; baseRate: string | null; sources: unknown[] }[];
    expect(synthetics.find((one) => one.ticker === 'KO?L=2')?.baseRate).toBe('MYRATE');
    expect(synthetics.find((one) => one.ticker === 'YOUNG?FB=PEP')?.sources).toEqual([
      { source: 'PEP', from: '2015-01-02', to: '2015-12-31' },
      { source: 'YOUNG', from: '2016-01-04', to: '2016-12-30' },
    ]);
    expect(
      detail.summary.notes.map((note: { code: string; ticker: string | null }) => [note.code, note.ticker]),
    ).toEqual([
      ['CASH_INTEREST', null],
      ['SYNTHETIC', 'KO?L=2'],
      ['SPLICE', 'YOUNG?FB=PEP'],
      ['SYNTHETIC', 'KO?L=3'],
      ['INFLATION', 'MYCPI'],
    ]);
    expect(detail.summary.notes[1].message).toContain('at the cash= rate series MYRATE + a spread of 0.4% a year');

    // The history filter finds it by a synthetic ticker in any spelling, and by a ticker it is built from.
    for (const ticker of ['ko?L=2.0', 'KO', 'PEP', 'YOUNG?FB=PEP']) {
      const page = await api().get('/history').query({ ticker }).set('Authorization', alice.bearer).expect(200);
      expect(page.body.items.map((item: { id: string }) => item.id)).toContain(detail.id);
    }

    const rows = await summaryRows(detail.id as string);
    expect(rows.find((row) => row[0] === 'SPLICE')?.[1]).toBe(detail.summary.notes[2].message);
    expect(rows.find((row) => row[0] === 'Real CAGR')?.[1]).toBeCloseTo(engine.realReturns!.cagr, 9);
  });

  it('runs a spliced ticker over a period before its own first price on its fallback alone', async () => {
    // YOUNG's prices start on 2016-01-04: all of 2015 is PEP's. It used to fail with PRICE_RANGE_UNAVAILABLE.
    const spliced = await simulate('YOUNG?FB=PEP-L-100% 2015-01-02 2015-12-31');
    expect(spliced.status).toBe('completed');
    const pep = await simulate('PEP-L-100% 2015-01-02 2015-12-31');
    expect(spliced.summary.finalValue).toBeCloseTo(pep.summary.finalValue as number, 6);
    expect(spliced.metrics.portfolio.cagr).toBeCloseTo(pep.metrics.portfolio.cagr as number, 12);
    const synthetics = spliced.summary.synthetics as { ticker: string; sources: unknown[] }[];
    expect(synthetics.find((one) => one.ticker === 'YOUNG?FB=PEP')?.sources).toEqual([
      { source: 'PEP', from: '2015-01-02', to: '2015-12-31' },
    ]);
    // YOUNG served nothing: only PEP is a data source.
    expect(spliced.summary.dataSources.map((one: { ticker: string }) => one.ticker)).toEqual(['PEP']);

    // Where YOUNG is also held plainly it must have prices: the refusal stays.
    const plain = await simulate('YOUNG-L-50% YOUNG?FB=PEP-L-50% 2015-01-02 2015-12-31');
    expect(plain.status).toBe('failed');
    expect(plain.failureReason).toContain('YOUNG has no prices from 2015-01-02 to 2015-12-31');
  });

  it('refuses a sum that is off with how to write leverage, and a bad modifier where it sits', async () => {
    const off = await api()
      .post('/simulate')
      .set('Authorization', alice.bearer)
      .send({ command: 'AAPL-L-80% MSFT-L-80% KO-S-30% 2015-01-02 2016-12-30' })
      .expect(422);
    expect(off.body.details[0]).toMatchObject({ code: 'WEIGHT_SUM', column: 1 });
    // Net 130%: the extra 30% is a loan.
    expect(off.body.details[0].hint).toContain('borrow the extra 30% for leverage: CASH-S-30%');

    const modifier = await api()
      .post('/simulate')
      .set('Authorization', alice.bearer)
      .send({ command: 'KO?L=2&X=3-L-100% 2015-01-02 2016-12-30' })
      .expect(422);
    expect(modifier.body.details).toEqual([
      expect.objectContaining({
        code: 'MODIFIER_UNKNOWN',
        column: 8,
        token: 'X=3',
        message: 'X=3: unknown modifier X (column 8)',
      }),
    ]);
  });
});
