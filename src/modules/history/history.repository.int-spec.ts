import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JobDatabase, openJobDatabase } from '../../../test/support/job-database';
import { newSimulation } from '../../../test/support/stored-simulation';
import { SIMULATION_EVENTS, simulationEvent } from '../simulation/simulation.events';
import { SimulationRepository } from '../simulation/simulation.repository';
import { HISTORY_EVENTS, HistoryDeletedData, historyEvent } from './history.events';
import { HistoryRepository } from './history.repository';
import type { HeadlineMetrics, HistoryQuery } from './history.types';

const day = (n: number, hour = 12) => new Date(Date.UTC(2026, 0, n, hour));

/**
 * HistoryRepository (the read side of the simulations) on each database: a user's list with every filter, sort
 * and page, and a deletion with its event. One user's eight simulations, written once through SimulationRepository.
 */
describe.each(['SQLite', 'PostgreSQL'] as const)('HistoryRepository on %s', (kind) => {
  let db: JobDatabase;
  let repository: HistoryRepository;
  let userId: string;
  /** Label → simulation id. */
  const ids = new Map<string, string>();

  async function stored(
    label: string,
    command: string,
    createdAt: Date,
    finish?: { status: 'completed'; headline: HeadlineMetrics } | { status: 'failed' },
  ) {
    const simulations = new SimulationRepository(db.dataSource, db.events);
    const simulation = newSimulation(command, userId);
    await simulations.insert(simulation, createdAt, [
      simulationEvent(SIMULATION_EVENTS.progress, userId, simulation.id, { phase: 'queued', percent: 0 }),
    ]);
    if (finish) await simulations.changeUnfinished(simulation.id, finish, []);
    ids.set(label, simulation.id);
  }

  beforeAll(async () => {
    db = await openJobDatabase(kind);
    repository = new HistoryRepository(db.dataSource, db.events);
    userId = await db.newUser();
    const headline = (cagr: number | null, sharpe: number): HeadlineMetrics => ({
      cagr,
      sharpe,
      maxDrawdown: -sharpe / 10,
      totalReturn: cagr,
    });
    await stored('aapl', 'AAPL-L-100% 2020-01-01 2020-12-31', day(1), {
      status: 'completed',
      headline: headline(0.3, 1),
    });
    await stored('ko', 'KO-L-100% 2020-01-01 2020-12-31 benchmark=SPY', day(2), {
      status: 'completed',
      headline: headline(0.05, 3),
    });
    await stored('lev', 'SPY?L=2-L-100% 2020-01-01 2020-12-31', day(3), {
      status: 'completed',
      headline: headline(-0.1, 2),
    });
    await stored('nan', 'MSFT-L-100% 2020-01-01 2020-12-31', day(4), {
      status: 'completed',
      headline: headline(null, 0),
    });
    await stored('failed', 'AAPL-L-50% KO-L-50% 2020-01-01 2020-12-31', day(5), { status: 'failed' });
    await stored('queued', 'AAPL-L-100% 2021-01-01 2021-12-31', day(6, 23));
    await stored('late', 'KO-L-100% 2021-01-01 2021-12-31', day(7, 0));
    // Someone else's, on the same days and tickers.
    const mine = userId;
    userId = await db.newUser();
    await stored('other', 'AAPL-L-100% 2020-01-01 2020-12-31', day(3));
    userId = mine;
  }, 60_000);

  afterAll(async () => {
    await db?.close();
  });

  const query = (filters: Partial<HistoryQuery> = {}): HistoryQuery => ({
    page: 1,
    size: 20,
    sort: 'createdAt',
    order: 'desc',
    ...filters,
  });
  const labels = async (filters: Partial<HistoryQuery> = {}) => {
    const byId = new Map([...ids].map(([label, id]) => [id, label]));
    const page = await repository.list(userId, query(filters));
    return { labels: page.items.map((item) => byId.get(item.id)), total: page.total };
  };

  it('lists only the user’s simulations, newest first (or oldest), a page at a time with the total', async () => {
    expect(await labels()).toEqual({
      labels: ['late', 'queued', 'failed', 'nan', 'lev', 'ko', 'aapl'],
      total: 7,
    });
    expect(await labels({ order: 'asc', page: 2, size: 3 })).toEqual({ labels: ['nan', 'failed', 'queued'], total: 7 });
    expect(await labels({ page: 4, size: 3 })).toEqual({ labels: [], total: 7 });
  });

  it('filters by status, and by a ticker held, the benchmark or the base of a synthetic ticker', async () => {
    expect(await labels({ status: 'completed' })).toEqual({ labels: ['nan', 'lev', 'ko', 'aapl'], total: 4 });
    expect(await labels({ status: 'queued' })).toEqual({ labels: ['late', 'queued'], total: 2 });
    expect(await labels({ ticker: 'AAPL' })).toEqual({ labels: ['queued', 'failed', 'aapl'], total: 3 });
    expect(await labels({ ticker: 'SPY' })).toEqual({ labels: ['lev', 'ko'], total: 2 });
    expect(await labels({ ticker: 'SPY?L=2' })).toEqual({ labels: ['lev'], total: 1 });
    expect(await labels({ ticker: 'KO', status: 'completed' })).toEqual({ labels: ['ko'], total: 1 });
    expect(await labels({ ticker: 'NOPE' })).toEqual({ labels: [], total: 0 });
  });

  it('filters by the days submitted, both ends included whole', async () => {
    expect(await labels({ from: '2026-01-03', to: '2026-01-06' })).toEqual({
      labels: ['queued', 'failed', 'nan', 'lev'],
      total: 4,
    });
    expect(await labels({ from: '2026-01-07' })).toEqual({ labels: ['late'], total: 1 });
    expect(await labels({ to: '2026-01-01' })).toEqual({ labels: ['aapl'], total: 1 });
  });

  it('sorts by a headline metric either way, those without it last, ties newest first', async () => {
    expect((await labels({ sort: 'cagr', order: 'desc' })).labels).toEqual([
      'aapl',
      'ko',
      'lev',
      'late',
      'queued',
      'failed',
      'nan',
    ]);
    expect((await labels({ sort: 'cagr', order: 'asc' })).labels).toEqual([
      'lev',
      'ko',
      'aapl',
      'late',
      'queued',
      'failed',
      'nan',
    ]);
    expect((await labels({ sort: 'sharpe', order: 'desc', status: 'completed' })).labels).toEqual([
      'ko',
      'lev',
      'aapl',
      'nan',
    ]);
    expect((await labels({ sort: 'maxDrawdown', order: 'asc', status: 'completed', size: 2 })).labels).toEqual([
      'ko',
      'lev',
    ]);
  });

  it('deletes a simulation with its event: it is no longer found, listed or found by its ticker', async () => {
    const id = ids.get('late') as string;
    await repository.delete(id, [
      historyEvent<HistoryDeletedData>(HISTORY_EVENTS.deleted, userId, id, { reason: 'deleted-by-user' }),
    ]);
    expect(await repository.findById(id)).toBeNull();
    expect(await labels({ ticker: 'KO' })).toEqual({ labels: ['failed', 'ko'], total: 2 });
    expect((await db.envelopes(id)).map((envelope) => envelope.type)).toEqual([
      'simulation.progress',
      'history.deleted',
    ]);
  });
});
