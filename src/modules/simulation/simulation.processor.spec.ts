import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { parseEnvironment } from '../../config/environment.schema';
import { parseCommandOrThrow } from '../../engine';
import type { JobContext } from '../../queue/job-queues';
import { NonRetryableJobError } from '../../queue/job-queues';
import { JobDatabase, openJobDatabase } from '../../../test/support/job-database';
import { HistoryRepository } from '../history/history.repository';
import { HistoryService } from '../history/history.service';
import { MarketDataUnavailableError } from '../market-data/market-data.errors';
import { MetricsService } from '../metrics/metrics.service';
import { LoadedPrices, PriceSource } from './price-source';
import { SimulationLifecycle } from './simulation-lifecycle.service';
import { SimulationInputError } from './simulation.errors';
import { SimulationProcessor } from './simulation.processor';
import { SimulationRepository } from './simulation.repository';

const COMMAND = 'AAPL-L-100% 2020-01-01 2020-12-31';

/** Prices that never come: each load throws what the test says. */
class FailingPriceSource extends PriceSource {
  failure: unknown = new Error('no failure set');

  async load(): Promise<LoadedPrices> {
    throw this.failure;
  }
}

/**
 * The processor's failure policy (src/jobs/job-failure.ts) end to end on SQLite, without Nest: what a failed try
 * writes, emits and throws to the queue. Input errors end the simulation at once; anything else is tried again
 * until the last try, which fails the simulation with a reason and rethrows.
 */
describe('SimulationProcessor failure policy', () => {
  let db: JobDatabase;
  let lifecycle: SimulationLifecycle;
  let history: HistoryService;
  let prices: FailingPriceSource;
  let processor: SimulationProcessor;

  beforeAll(async () => {
    db = await openJobDatabase('SQLite');
    lifecycle = new SimulationLifecycle(new SimulationRepository(db.dataSource, db.events));
    history = new HistoryService(new HistoryRepository(db.dataSource, db.events));
    prices = new FailingPriceSource();
    processor = new SimulationProcessor(
      parseEnvironment({ NODE_ENV: 'test', SIMULATION_PROGRESS_MS: '0' }),
      history,
      lifecycle,
      prices,
      new MetricsService(),
    );
  });

  afterAll(async () => {
    await db?.close();
  });

  async function submitted(): Promise<string> {
    const parsed = parseCommandOrThrow(COMMAND);
    const record = await lifecycle.submit({
      id: randomUUID(),
      userId: await db.newUser(),
      command: COMMAND,
      canonical: parsed.canonical,
      parsedCommand: parsed.command,
      startDate: parsed.command.start,
      endDate: parsed.command.end,
      idempotencyKey: null,
    });
    return record.id;
  }

  const job = (simulationId: string, attemptsMade: number, attempts = 3): JobContext<{ simulationId: string }> => ({
    id: simulationId,
    name: 'run',
    data: { simulationId },
    attemptsMade,
    attempts,
    enqueuedAt: new Date(),
    reportProgress: async () => undefined,
  });

  const events = async (id: string) => (await db.envelopes(id)).map((envelope) => [envelope.type, envelope.data]);

  it('fails an input error at once, whatever tries are left, and tells the queue not to retry', async () => {
    const id = await submitted();
    prices.failure = new SimulationInputError('ticker NOPE is not known to sample', 'TICKER_NOT_FOUND');
    await expect(processor.run(job(id, 0))).rejects.toThrow(NonRetryableJobError);
    expect(await history.findById(id)).toMatchObject({
      status: 'failed',
      failureReason: 'ticker NOPE is not known to sample',
    });
    expect((await events(id)).slice(-1)).toEqual([
      ['simulation.failed', { reason: 'ticker NOPE is not known to sample', code: 'TICKER_NOT_FOUND' }],
    ]);
  });

  it('retries an unknown error while tries are left, the try still counting as started', async () => {
    const id = await submitted();
    const failure = new Error('connection reset');
    prices.failure = failure;
    await expect(processor.run(job(id, 0))).rejects.toBe(failure);
    expect(await history.findById(id)).toMatchObject({ status: 'running', failureReason: null });
    expect((await events(id)).map(([type]) => type)).toEqual([
      'simulation.requested',
      'simulation.started',
      'simulation.progress',
    ]);
  });

  it('fails an unknown error on the last try with a reason naming the tries, and rethrows it', async () => {
    const id = await submitted();
    const failure = new Error('connection reset');
    prices.failure = failure;
    await expect(processor.run(job(id, 2))).rejects.toBe(failure);
    const reason = 'the simulation could not finish after 3 tries (connection reset); run it again later';
    expect(await history.findById(id)).toMatchObject({ status: 'failed', failureReason: reason });
    expect((await events(id)).slice(-1)).toEqual([['simulation.failed', { reason, code: 'TRANSIENT' }]]);
  });

  it('retries a market-data outage (retryable), and on the last try fails with the outage’s own message', async () => {
    const id = await submitted();
    const outage = new MarketDataUnavailableError('AAPL', 30, [{ source: 'yahoo', problem: 'timeout' }]);
    prices.failure = outage;
    await expect(processor.run(job(id, 0))).rejects.toBe(outage);
    expect((await history.findById(id))?.status).toBe('running');
    await expect(processor.run(job(id, 2))).rejects.toBe(outage);
    expect(await history.findById(id)).toMatchObject({ status: 'failed', failureReason: outage.message });
    expect((await events(id)).slice(-1)).toEqual([
      ['simulation.failed', { reason: outage.message, code: 'MARKET_DATA_UNAVAILABLE' }],
    ]);
  });

  it('does nothing for a simulation already finished (a recovered job run twice)', async () => {
    const id = await submitted();
    prices.failure = new SimulationInputError('no trading days', 'NO_TRADING_DAYS');
    await expect(processor.run(job(id, 0))).rejects.toThrow(NonRetryableJobError);
    const before = await events(id);
    expect(await processor.run(job(id, 0))).toEqual({ status: 'failed' });
    expect(await events(id)).toEqual(before);
  });
});
