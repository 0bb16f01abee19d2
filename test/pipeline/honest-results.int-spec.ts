import type { Socket } from 'socket.io-client';
import type ExcelJS from 'exceljs';
import { connectSocket } from '../support/sockets';
import { Detail, EmbeddedResults, summaryRows } from '../support/embedded-results';
import { eventually } from '../support/test-app';
import type { TestUser } from '../support/test-users';

/**
 * Results at the edges (issue 15, items 1–5), through the API as `npm start` runs it: SQLite, in-process queue
 * and events, the bundled sample data (20 stocks and ^GSPC, 1990-01-02 to 2022-12-28).
 */
describe('honest results at the edges, embedded', () => {
  const app = new EmbeddedResults('honest');
  let alice: TestUser;
  const simulate = (command: string, user?: TestUser): Promise<Detail> => app.simulate(command, user);
  const upload = (ticker: string, csv: string): Promise<void> => app.upload(ticker, csv);
  const workbookOf = (simulationId: string): Promise<ExcelJS.Workbook> => app.workbookOf(simulationId);

  beforeAll(async () => {
    await app.start();
    alice = app.alice;
  });

  afterAll(() => app.close());

  describe('a period the prices do not cover', () => {
    it('says which period was simulated, why, and which ticker limited it: in the API and the XLSX Summary', async () => {
      const detail = await simulate('AAPL-L-100% 2020-01-01 2025-06-30');
      expect(detail.status).toBe('completed');
      expect(detail).toMatchObject({ startDate: '2020-01-01', endDate: '2025-06-30' });
      expect(detail.summary).toMatchObject({
        simulatedStart: '2020-01-02',
        simulatedEnd: '2022-12-28',
        depletedOn: null,
      });
      expect(detail.summary.warnings).toEqual([
        {
          code: 'PERIOD_ENDS_EARLIER',
          ticker: 'AAPL',
          date: '2022-12-28',
          askedStart: '2020-01-01',
          askedEnd: '2025-06-30',
          simulatedStart: '2020-01-02',
          simulatedEnd: '2022-12-28',
          message:
            'the prices of AAPL stop on 2022-12-28, before the asked end 2025-06-30: the simulation ends on 2022-12-28',
        },
      ]);

      const rows = summaryRows(await workbookOf(detail.id as string));
      const labels = rows.map((row) => row[0]);
      expect(rows.find((row) => row[0] === 'Period requested')?.[1]).toBe('2020-01-01 to 2025-06-30');
      expect(rows.find((row) => row[0] === 'Period simulated')?.[1]).toBe('2020-01-02 to 2022-12-28');
      expect(rows.find((row) => row[0] === 'PERIOD_ENDS_EARLIER')?.[1]).toBe(detail.summary.warnings[0].message);
      expect(labels.indexOf('PERIOD_ENDS_EARLIER')).toBeLessThan(labels.indexOf('Results'));
    });

    it('names the ticker whose prices start later than a 1980 start', async () => {
      const detail = await simulate('KO-L-50% PEP-L-50% 1980-01-01 1995-12-29');
      expect(detail.summary.simulatedStart).toBe('1990-01-02');
      expect(detail.summary.warnings).toEqual([
        expect.objectContaining({
          code: 'PERIOD_STARTS_LATER',
          ticker: 'KO',
          date: '1990-01-02',
          message:
            'the prices of KO and PEP start on 1990-01-02, after the asked start 1980-01-01: the simulation starts on 1990-01-02',
        }),
      ]);
    });
  });

  describe('mixed holiday calendars', () => {
    it('runs an upload that trades on New Year’s Day with AAPL, valued at its price of the day before', async () => {
      await upload(
        'HOLI',
        'date,close\n2016-01-01,50\n2016-01-04,51\n2016-01-05,52\n2016-01-06,53\n2016-01-07,54\n2016-01-08,55\n',
      );
      const detail = await simulate('HOLI-L-50% AAPL-L-50% 2016-01-01 2016-01-08');
      expect(detail.failureReason).toBeNull();
      expect(detail.status).toBe('completed');
      expect(detail.series.dates).toEqual([
        '2016-01-01',
        '2016-01-04',
        '2016-01-05',
        '2016-01-06',
        '2016-01-07',
        '2016-01-08',
      ]);
      // AAPL on Jan 1 is its Dec 31, 2015 close: the first day only buys, at those prices.
      expect(detail.series.nav[0]).toBe(100_000);
      expect(detail.trades[1]).toMatchObject({ date: '2016-01-01', ticker: 'AAPL', reason: 'initial' });
      expect(detail.summary.warnings).toEqual([]);
      expect(detail.summary.dataSources).toEqual([
        { ticker: 'HOLI', source: 'upload', kind: 'price-only' },
        { ticker: 'AAPL', source: 'sample', kind: 'total-return' },
      ]);
    });

    it('runs a fund with ^GSPC over New Year 2015', async () => {
      await upload('MYFUND', 'date,close\n2015-01-01,10\n2015-01-02,10.5\n2015-01-05,10.2\n2015-01-09,10.4\n');
      const detail = await simulate('MYFUND-L-50% ^GSPC-L-50% 2015-01-01 2015-01-09');
      expect(detail.failureReason).toBeNull();
      expect(detail.series.dates[0]).toBe('2015-01-01');
    });

    it('still refuses a ticker with no price at all on or before the first day', async () => {
      await upload('NEWCO', 'date,close\n2016-01-01,5\n2016-01-04,6\n');
      const detail = await simulate('NEWCO-L-50% HOLI-L-50% 2015-12-30 2016-01-08');
      expect(detail.status).toBe('completed');
      const late = await simulate('HOLI-L-50% AAPL-L-50% 2015-12-31 2016-01-08');
      expect(late.status).toBe('failed');
      expect(late.failureReason).toMatch(/HOLI has no price on 2015-12-31/);
    });
  });

  describe('ruin', () => {
    it('depletes a portfolio drained by withdrawals: "depleted on", −100%, every number finite, in API, event, XLSX', async () => {
      const socket: Socket = await connectSocket(app.running.url, '/simulations', alice.accessToken);
      const completedEvents: Record<string, unknown>[] = [];
      socket.on('completed', (payload: Record<string, unknown>) => completedEvents.push(payload));
      let detail: Detail;
      try {
        detail = await simulate('WMT-L-100% 1990-01-01 2022-12-28 capital=10000 contribute=-2000/month');
        await eventually(async () => (completedEvents.some((e) => e.simulationId === detail.id) ? true : undefined));
      } finally {
        socket.disconnect();
      }
      expect(detail.status).toBe('completed');
      expect(detail.summary).toMatchObject({ depletedOn: '1990-07-02', finalValue: 0 });
      expect(detail.summary.warnings[0]).toMatchObject({ code: 'DEPLETED', date: '1990-07-02', ticker: null });
      expect(detail).toMatchObject({ cagr: -1, totalReturn: -1, maxDrawdown: -1 });
      const portfolio = detail.metrics.portfolio as Record<string, unknown>;
      expect(portfolio).toMatchObject({ totalReturn: -1, cagr: -1, maxDrawdown: -1, calmar: -1 });
      const missing = Object.entries(portfolio).filter(
        ([key, value]) => value === null && !['maxDrawdownRecoveryDate', 'benchmark'].includes(key),
      );
      expect(missing).toEqual([]);
      // Withdrawals stop: the last flow is what was left, on the depletion day.
      const flows = detail.summary.flows as { date: string; amount: number }[];
      expect(flows[flows.length - 1].date).toBe('1990-07-02');
      expect(flows[flows.length - 1].amount).toBeGreaterThan(-2000);
      expect(detail.series.nav.slice(-3)).toEqual([0, 0, 0]);
      expect(detail.trades[detail.trades.length - 1]).toMatchObject({
        date: '1990-07-02',
        reason: 'depletion',
        fee: 0,
      });

      const event = completedEvents.find((e) => e.simulationId === detail.id)!;
      expect(event).toMatchObject({ depletedOn: '1990-07-02', finalValue: 0, cagr: -1, totalReturn: -1 });
      expect(event.warnings).toEqual([expect.objectContaining({ code: 'DEPLETED', date: '1990-07-02' })]);

      const workbook = await workbookOf(detail.id as string);
      const rows = summaryRows(workbook);
      expect(rows.find((row) => row[0] === 'Depleted on')?.[1]).toBe('1990-07-02');
      expect(rows.find((row) => row[0] === 'Total return')?.[1]).toBe(-1);
      expect(rows.find((row) => row[0] === 'contribute')?.[1]).toBe('-2000/month');
      const trades = workbook.getWorksheet('Trades')!;
      const last = (trades.getRow(trades.rowCount).values as unknown[]).slice(1);
      expect(last.slice(1, 3)).toEqual(['WMT', 'sell']);
      expect(last[7]).toBe('depletion');
    });

    it('depletes a long/short portfolio whose value crosses zero, with finite metrics', async () => {
      const detail = await simulate('AAPL-L-30% MSFT-S-50% KO-L-20% 1990-01-01 2022-12-28');
      expect(detail.summary.depletedOn).toBe('1992-01-02');
      expect(detail.totalReturn).toBe(-1);
      expect(detail.series.nav.every((value: number | null) => value !== null && value >= 0)).toBe(true);
      expect(detail.series.dailyReturn.every((value: number | null) => value !== null && value >= -1)).toBe(true);
      expect(detail.series.drawdown.every((value: number | null) => value !== null)).toBe(true);
    });
  });

  describe('a benchmark with the same cash flows', () => {
    it('gives ^GSPC the contributions, its own money-weighted return, and names it a price index', async () => {
      const detail = await simulate('KO-L-100% 2010-01-01 2012-12-31 contribute=1000/month benchmark=^GSPC');
      const { series, summary } = detail;
      expect(series.benchmarkValue).toHaveLength(series.dates.length);
      expect(series.benchmarkValue[0]).toBe(100_000);
      // Each contribution day adds 1000 on top of the benchmark's move: value / close jumps by 1000 / close.
      const contributionDays = (summary.flows as { date: string }[]).slice(1).map((flow) => flow.date);
      expect(contributionDays).toHaveLength(35);
      const day = series.dates.indexOf(contributionDays[0]);
      const units = (t: number) => series.benchmarkValue[t] / series.benchmark[t];
      expect(units(day) - units(day - 1)).toBeCloseTo(1000 / series.benchmark[day], 9);
      expect(summary.benchmark).toEqual({
        ticker: '^GSPC',
        finalValue: series.benchmarkValue[series.dates.length - 1],
        moneyWeightedReturn: expect.any(Number),
        depletedOn: null,
      });
      // Like with like: with 135,000 put in, the two final values are of the same order.
      expect(summary.benchmark.finalValue / summary.finalValue).toBeGreaterThan(0.5);
      expect(summary.dataSources).toEqual([
        { ticker: 'KO', source: 'sample', kind: 'total-return' },
        { ticker: '^GSPC', source: 'sample', kind: 'price-only' },
      ]);
      // The benchmark's time-weighted metrics stay those of its closes.
      const closes = series.benchmark as number[];
      expect(detail.metrics.benchmark.totalReturn).toBeCloseTo(closes[closes.length - 1] / closes[0] - 1, 12);
    });
  });

  describe('the XLSX report', () => {
    it('writes every option as written and lists every trade with its reason', async () => {
      const detail = await simulate(
        'AAPL-L-60% KO-L-40% 2019-01-01 2019-12-31 rebalance=quarterly fee=0.1% rf=2% contribute=500/month benchmark=^GSPC',
      );
      const workbook = await workbookOf(detail.id as string);
      const rows = summaryRows(workbook);
      const start = rows.findIndex((row) => row[0] === 'Options');
      expect(rows.slice(start + 1, start + 7)).toEqual([
        ['capital', '100000 (default)'],
        ['rebalance', 'quarterly'],
        ['fee', '0.1%'],
        ['rf', '2%'],
        ['benchmark', '^GSPC'],
        ['contribute', '500/month'],
      ]);
      expect(JSON.stringify(rows)).not.toMatch(/object Object|feePercent|riskFreePercent/);
      expect(rows.find((row) => row[0] === '^GSPC')?.[2]).toBe('price only');

      const trades = workbook.getWorksheet('Trades')!;
      expect(trades.rowCount).toBe(detail.tradeCount + 1);
      const reasons = new Set<unknown>();
      trades.eachRow((row, number) => {
        if (number > 1) reasons.add(row.getCell(8).value);
      });
      expect([...reasons].sort()).toEqual(['contribution', 'initial', 'rebalance']);
      const first = (trades.getRow(2).values as unknown[]).slice(1);
      expect(first).toEqual([
        new Date(`${detail.trades[0].date}T00:00:00Z`),
        'AAPL',
        'buy',
        detail.trades[0].shares,
        detail.trades[0].price,
        Math.abs(detail.trades[0].value),
        detail.trades[0].fee,
        'initial',
      ]);
    });
  });
});
