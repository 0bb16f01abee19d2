import { describe, expect, it } from '@jest/globals';
import { SyntheticPriceSource } from '../../../test/support/synthetic-prices';
import type { ComparisonOutcome } from '../../engine';
import { MarketDataUnavailableError, TickerNotFoundError } from '../market-data/market-data.errors';
import type { JobContext } from '../../queue/job-queues';
import { NonRetryableJobError } from '../../queue/job-queues';
import { ComparisonProcessor } from './comparison.processor';
import type { ComparisonService } from './comparison.service';
import type { ComparisonRecord } from './comparison.types';

const ID = '00000000-0000-4000-8000-00000000000c';

function comparison(overrides: Partial<ComparisonRecord> = {}): ComparisonRecord {
  return {
    id: ID,
    userId: 'user-1',
    status: 'queued',
    periodMode: 'common',
    members: [
      { name: 'Tech', named: true, command: 'AAPL-L-50% MSFT-L-50% 2020-01-01 2020-12-31', canonical: '' },
      { name: 'Portfolio 2', named: false, command: 'KO-L-100% 2020-01-01 2020-12-31', canonical: '' },
    ],
    simulationIds: null,
    progress: { phase: null, percent: 0 },
    failureReason: null,
    failureCode: null,
    failureMember: null,
    result: null,
    createdAt: new Date(0),
    startedAt: null,
    finishedAt: null,
    ...overrides,
  };
}

type StateChanges = Pick<ComparisonService, 'findById' | 'markRunning' | 'recordProgress' | 'complete' | 'fail'>;

/** The service's state changes, written as lines; each answers `accepts` (false: finished elsewhere). */
class RecordedComparisons implements StateChanges {
  readonly written: string[] = [];
  outcome: ComparisonOutcome | undefined;
  accepts = true;
  failStart: Error | undefined;

  constructor(private readonly stored: ComparisonRecord | null) {}

  async findById(): Promise<ComparisonRecord | null> {
    return this.stored;
  }
  async markRunning(_: ComparisonRecord, attempt: number, phase: string, percent: number): Promise<boolean> {
    if (this.failStart) throw this.failStart;
    this.written.push(`running try ${attempt}: ${phase} ${percent}`);
    return this.accepts;
  }
  async recordProgress(_: ComparisonRecord, phase: string, percent: number): Promise<boolean> {
    this.written.push(`progress ${phase} ${percent}`);
    return this.accepts;
  }
  async complete(_: ComparisonRecord, outcome: ComparisonOutcome): Promise<boolean> {
    this.outcome = outcome;
    this.written.push('completed');
    return this.accepts;
  }
  async fail(_: Pick<ComparisonRecord, 'id'>, reason: string, code: string, member: number | null) {
    this.written.push(`failed ${code} member=${member}: ${reason}`);
    return this.accepts;
  }
}

function setUp(stored: ComparisonRecord | null = comparison()) {
  const comparisons = new RecordedComparisons(stored);
  const prices = new SyntheticPriceSource();
  const processor = new ComparisonProcessor(comparisons as unknown as ComparisonService, prices);
  const queued: unknown[] = [];
  const job = (attemptsMade: number, attempts = 3): JobContext<{ comparisonId: string }> => ({
    id: ID,
    name: 'run',
    data: { comparisonId: ID },
    attemptsMade,
    attempts,
    enqueuedAt: new Date(),
    reportProgress: async (percent) => {
      queued.push(percent);
    },
  });
  return { comparisons, prices, processor, job, queued };
}

/** ComparisonProcessor alone: its phases, and its failure policy (src/jobs/job-failure.ts) per kind of error. */
describe('ComparisonProcessor', () => {
  it('writes every phase as it comes, then completes with the engine’s outcome for each member', async () => {
    const { comparisons, prices, processor, job, queued } = setUp();
    expect(await processor.run(job(1))).toEqual({ status: 'completed' });
    expect(comparisons.written).toEqual([
      'running try 2: loading prices 1/2 5',
      'progress loading prices 2/2 35',
      'progress simulating 70',
      'progress saving 90',
      'completed',
    ]);
    expect(queued).toEqual([5, 35, 70, 90]);
    expect(prices.asked).toEqual([['AAPL', 'MSFT'], ['KO']]);
    expect(comparisons.outcome?.period).toMatchObject({ mode: 'common', start: '2020-01-01', end: '2020-12-31' });
    expect(comparisons.outcome?.members.map((member) => member.name)).toEqual(['Tech', 'Portfolio 2']);
  });

  it('stops at once for a finished comparison (a recovered job run twice) and for a deleted one', async () => {
    for (const status of ['completed', 'failed'] as const) {
      const { comparisons, prices, processor, job } = setUp(comparison({ status }));
      expect(await processor.run(job(0))).toEqual({ status });
      expect([comparisons.written, prices.asked]).toEqual([[], []]);
    }
    const deleted = setUp(null);
    expect(await deleted.processor.run(deleted.job(0))).toEqual({ status: 'deleted' });
  });

  it('fails a member’s refusal (unknown ticker) at once, naming the member, and tells the queue not to retry', async () => {
    const { comparisons, prices, processor, job } = setUp();
    const refusal = new TickerNotFoundError('KO', ['sample']);
    prices.failFor.set('KO', refusal);
    await expect(processor.run(job(0))).rejects.toThrow(new NonRetryableJobError(`Portfolio 2: ${refusal.message}`));
    expect(comparisons.written.slice(-1)).toEqual([
      `failed TICKER_NOT_FOUND member=1: Portfolio 2: ${refusal.message}`,
    ]);
  });

  it('fails a stored command that no longer parses as INVALID_COMMAND of that member', async () => {
    const members = comparison().members.map((member, index) =>
      index === 0 ? { ...member, command: 'AAPL-L-50% 2020-13-45' } : member,
    );
    const { comparisons, processor, job } = setUp(comparison({ members }));
    await expect(processor.run(job(0))).rejects.toThrow(NonRetryableJobError);
    expect(comparisons.written).toEqual(['failed INVALID_COMMAND member=0: Tech: the command no longer parses']);
  });

  it('rethrows an unknown error untouched while tries are left, writing no failure', async () => {
    const { comparisons, prices, processor, job } = setUp();
    const failure = new Error('socket hang up');
    prices.failFor.set('MSFT', failure);
    await expect(processor.run(job(1))).rejects.toBe(failure);
    expect(comparisons.written).toEqual(['running try 2: loading prices 1/2 5']);
  });

  it('fails an unknown error on the last try in the comparison’s words, then rethrows it for the queue', async () => {
    const { comparisons, prices, processor, job } = setUp();
    const failure = new Error('socket hang up');
    prices.failFor.set('MSFT', failure);
    await expect(processor.run(job(2))).rejects.toBe(failure);
    expect(comparisons.written.slice(-1)).toEqual([
      'failed TRANSIENT member=null: the comparison could not finish after 3 tries (socket hang up); run it again later',
    ]);
  });

  it('retries a market-data outage (retryable, not the member’s fault) and fails it on the last try as is', async () => {
    const outage = new MarketDataUnavailableError('KO', 30, [{ source: 'yahoo', problem: 'timeout' }]);
    const first = setUp();
    first.prices.failFor.set('KO', outage);
    await expect(first.processor.run(first.job(0))).rejects.toBe(outage);
    expect(first.comparisons.written.some((line) => line.startsWith('failed'))).toBe(false);
    const last = setUp();
    last.prices.failFor.set('KO', outage);
    await expect(last.processor.run(last.job(2))).rejects.toBe(outage);
    expect(last.comparisons.written.slice(-1)).toEqual([
      `failed MARKET_DATA_UNAVAILABLE member=null: ${outage.message}`,
    ]);
  });

  it('answers finished-elsewhere, without throwing, when another run finished the comparison first', async () => {
    const completing = setUp();
    completing.comparisons.accepts = false;
    expect(await completing.processor.run(completing.job(0))).toEqual({ status: 'finished-elsewhere' });
    const failing = setUp();
    failing.comparisons.accepts = false;
    failing.prices.failFor.set('KO', new TickerNotFoundError('KO', ['sample']));
    expect(await failing.processor.run(failing.job(0))).toEqual({ status: 'finished-elsewhere' });
  });

  it('still completes when every progress write fails: progress is for people', async () => {
    const { comparisons, processor, job } = setUp();
    comparisons.failStart = new Error('database blinked');
    expect(await processor.run(job(0))).toEqual({ status: 'completed' });
    // Each phase tried the start again; the completion is the only write that landed.
    expect(comparisons.written).toEqual(['completed']);
  });
});
