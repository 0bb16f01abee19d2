import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JobDatabase, openJobDatabase } from '../../../test/support/job-database';
import type { ComparisonOutcome } from '../../engine';
import type { JobQueues } from '../../queue/job-queues';
import type { JobRecovery } from '../../queue/job-recovery';
import type { HistoryService } from '../history/history.service';
import { ComparisonRepository } from './comparison.repository';
import { ComparisonService } from './comparison.service';

const MEMBERS = [
  { name: 'Tech', command: 'AAPL-L-50% MSFT-L-50% 2020-01-01 2020-12-31' },
  { command: 'KO-L-100% 2020-01-01 2020-12-31 rebalance=monthly' },
];

/**
 * The comparison lifecycle (ComparisonService's state changes over ComparisonRepository) on each database: each
 * state change is written with its events, and a final state is never overwritten.
 */
describe.each(['SQLite', 'PostgreSQL'] as const)('comparison lifecycle on %s', (kind) => {
  let db: JobDatabase;
  let repository: ComparisonRepository;
  let service: ComparisonService;
  const enqueued: string[] = [];

  beforeAll(async () => {
    db = await openJobDatabase(kind);
    repository = new ComparisonRepository(db.dataSource, db.events);
    const queues = {
      enqueue: async (_queue: string, _job: string, data: { comparisonId: string }) => {
        enqueued.push(data.comparisonId);
      },
    } as unknown as JobQueues;
    service = new ComparisonService(repository, {} as HistoryService, queues, {} as JobRecovery);
  }, 60_000);

  afterAll(async () => {
    await db?.close();
  });

  it('records a queued comparison with its requested event and enqueues it under its own id', async () => {
    const userId = await db.newUser();
    const comparison = await service.submit(userId, { members: MEMBERS });
    expect(enqueued).toContain(comparison.id);
    expect(await repository.findById(comparison.id)).toMatchObject({
      userId,
      status: 'queued',
      periodMode: 'common',
      members: [
        { name: 'Tech', named: true, command: MEMBERS[0].command, canonical: MEMBERS[0].command },
        { name: 'Portfolio 2', named: false, command: MEMBERS[1].command },
      ],
      simulationIds: null,
      result: null,
    });
    expect((await db.envelopes(comparison.id)).map((e) => [e.type, e.data])).toEqual([
      [
        'comparison.requested',
        {
          members: [
            { name: 'Tech', canonical: MEMBERS[0].command },
            { name: 'Portfolio 2', canonical: 'KO-L-100% 2020-01-01 2020-12-31 rebalance=monthly' },
          ],
          period: 'common',
          simulationIds: null,
        },
      ],
    ]);
  });

  it('writes started, progress and completed with their events; a late failure changes nothing', async () => {
    const userId = await db.newUser();
    const comparison = await service.submit(userId, { members: MEMBERS, period: 'own' });
    expect(await service.markRunning(comparison, 1, 'loading prices 1/2', 5)).toBe(true);
    expect(await service.recordProgress(comparison, 'simulating', 70)).toBe(true);
    const outcome = { period: { start: '2020-01-02', end: '2020-12-31' }, members: [{}, {}] } as ComparisonOutcome;
    expect(await service.complete(comparison, outcome, 12)).toBe(true);
    expect(await service.fail(comparison, 'too late', 'TRANSIENT', null)).toBe(false);
    expect(await service.recordProgress(comparison, 'saving', 90)).toBe(false);
    expect(await repository.findById(comparison.id)).toMatchObject({
      status: 'completed',
      progress: { phase: 'done', percent: 100 },
      failureReason: null,
      result: outcome,
    });
    expect((await db.envelopes(comparison.id)).map((e) => [e.type, e.data])).toEqual([
      ['comparison.requested', expect.objectContaining({ period: 'own' })],
      ['comparison.started', { attempt: 1 }],
      ['comparison.progress', { phase: 'loading prices 1/2', percent: 5 }],
      ['comparison.progress', { phase: 'simulating', percent: 70 }],
      ['comparison.completed', { periodStart: '2020-01-02', periodEnd: '2020-12-31', memberCount: 2, durationMs: 12 }],
    ]);
  });

  it('fails with the member named, lists newest first without results, finds unfinished ones oldest first', async () => {
    const userId = await db.newUser();
    const first = await service.submit(userId, { members: MEMBERS });
    const second = await service.submit(userId, { members: MEMBERS });
    const unfinished = (await repository.findUnfinished(new Date(Date.now() + 60_000), 1000)).map((one) => one.id);
    expect(unfinished.indexOf(first.id)).toBeLessThan(unfinished.indexOf(second.id));
    expect(await service.fail(first, 'Portfolio 2: no prices', 'NO_PRICES', 1)).toBe(true);
    expect(await repository.findById(first.id)).toMatchObject({
      status: 'failed',
      failureReason: 'Portfolio 2: no prices',
      failureCode: 'NO_PRICES',
      failureMember: 1,
    });
    expect((await repository.findUnfinished(new Date(Date.now() + 60_000), 1000)).map((one) => one.id)).not.toContain(
      first.id,
    );
    const listed = await service.list(userId, { page: 1, size: 20 });
    expect([listed.items.map((one) => one.id), listed.total]).toEqual([[second.id, first.id], 2]);
    // A page at a time, newest first.
    const [pageOne, pageTwo, pageThree] = await Promise.all(
      [1, 2, 3].map((page) => service.list(userId, { page, size: 1 })),
    );
    expect([pageOne, pageTwo, pageThree].map((one) => [one.items.map((c) => c.id), one.page, one.total])).toEqual([
      [[second.id], 1, 2],
      [[first.id], 2, 2],
      [[], 3, 2],
    ]);
    await expect(service.getOwned(await db.newUser(), first.id)).rejects.toMatchObject({
      code: 'COMPARISON_NOT_FOUND',
    });
  });
});
