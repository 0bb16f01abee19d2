import { describe, expect, it } from '@jest/globals';
import {
  apiConfig,
  attachNamespace,
  CapturingTransport,
  FakeNamespace,
  userSocket,
  workerConfig,
} from '../../../test/support/owned-progress-fakes';
import { EVENT_TOPICS } from '../../events/event-topics';
import { MetricsService } from '../metrics/metrics.service';
import { COMPARISON_EVENTS, comparisonEvent } from './comparison.events';
import type { ComparisonService } from './comparison.service';
import type { ComparisonRecord } from './comparison.types';
import { ComparisonsGateway } from './comparisons.gateway';

const OWNER = 'user-1';
const ID = '00000000-0000-4000-8000-0000000000c1';
const STORED = {
  id: ID,
  userId: OWNER,
  status: 'running',
  progress: { phase: 'simulating', percent: 70 },
  failureReason: null,
} as const satisfies Partial<ComparisonRecord>;

/** Counts the events the gateway consumed, per namespace. */
class CountingMetrics extends MetricsService {
  readonly consumed: string[] = [];
  override gatewayEventConsumed(namespace: Parameters<MetricsService['gatewayEventConsumed']>[0]): void {
    this.consumed.push(namespace);
  }
}

async function started(config = apiConfig()) {
  const transport = new CapturingTransport();
  const metrics = new CountingMetrics();
  const comparisons: Pick<ComparisonService, 'findById'> = {
    findById: async (id) => (id === ID ? ({ ...STORED } as ComparisonRecord) : null),
  };
  const gateway = new ComparisonsGateway(config, transport, metrics, comparisons as ComparisonService);
  const namespace = new FakeNamespace();
  attachNamespace(gateway, namespace);
  await gateway.onApplicationBootstrap();
  return { gateway, transport, metrics, namespace };
}

/** The /comparisons gateway with a fake namespace and transport: who may follow what, and what is emitted. */
describe('ComparisonsGateway', () => {
  it('reads the comparison topic and account events where it serves the API, not in a worker; closes on shutdown', async () => {
    const { gateway, transport } = await started();
    expect(transport.options).toMatchObject({
      topics: [EVENT_TOPICS.comparison, EVENT_TOPICS.account],
      fromBeginning: false,
    });
    expect(transport.options?.groupId).toMatch(/^portofino-comparisons-gateway-/);
    await gateway.onApplicationShutdown();
    expect(transport.closed).toBe(true);
    const worker = await started(workerConfig());
    expect(worker.transport.options).toBeUndefined();
  });

  it('answers its owner with the current state and joins the comparison’s room', async () => {
    const { gateway } = await started();
    const { socket, joined } = userSocket(OWNER);
    await gateway.handleConnection(socket);
    expect(await gateway.subscribe(socket, { comparisonId: ID })).toEqual({
      comparisonId: ID,
      status: 'running',
      phase: 'simulating',
      percent: 70,
      failureReason: null,
    });
    expect([...joined]).toEqual([`user:${OWNER}`, `comparison:${ID}`]);
    await gateway.unsubscribe(socket, { comparisonId: ID });
    expect([...joined]).toEqual([`user:${OWNER}`]);
  });

  it('answers someone else’s comparison exactly like a missing one, and a malformed id with the shape', async () => {
    const { gateway } = await started();
    const { socket, joined } = userSocket('user-2');
    const missing = '00000000-0000-4000-8000-0000000000ff';
    expect(await gateway.subscribe(socket, { comparisonId: ID })).toEqual({ error: `comparison ${ID} not found` });
    expect(await gateway.subscribe(socket, { comparisonId: missing })).toEqual({
      error: `comparison ${missing} not found`,
    });
    expect(await gateway.subscribe(socket, { comparisonId: 'nope' })).toEqual({
      error: 'subscribe needs { comparisonId: "<uuid>" }',
    });
    expect(await gateway.subscribe(socket, undefined)).toEqual({ error: 'subscribe needs { comparisonId: "<uuid>" }' });
    expect(joined.size).toBe(0);
  });

  it('forwards each lifecycle event under its message name to the comparison’s and the owner’s rooms', async () => {
    const { transport, namespace, metrics } = await started();
    namespace.listen(`user:${OWNER}`);
    await transport.deliver(comparisonEvent(COMPARISON_EVENTS.started, OWNER, ID, { attempt: 1 }));
    await transport.deliver(
      comparisonEvent(COMPARISON_EVENTS.progress, OWNER, ID, { phase: 'loading prices 1/2', percent: 5 }),
    );
    await transport.deliver(
      comparisonEvent(COMPARISON_EVENTS.failed, OWNER, ID, { reason: 'no prices', code: 'NO_PRICES', member: 1 }),
    );
    expect(namespace.emitted.map(({ rooms, name, payload }) => [rooms, name, payload])).toEqual([
      [[`comparison:${ID}`, `user:${OWNER}`], 'started', expect.objectContaining({ comparisonId: ID, attempt: 1 })],
      [
        [`comparison:${ID}`, `user:${OWNER}`],
        'progress',
        expect.objectContaining({ comparisonId: ID, phase: 'loading prices 1/2', percent: 5 }),
      ],
      [
        [`comparison:${ID}`, `user:${OWNER}`],
        'failed',
        expect.objectContaining({ reason: 'no prices', code: 'NO_PRICES', member: 1 }),
      ],
    ]);
    expect(namespace.emitted[0].payload).toEqual({
      comparisonId: ID,
      eventId: expect.any(String),
      occurredAt: '2026-12-04T00:00:00.000Z',
      attempt: 1,
    });
    expect(metrics.consumed).toEqual(['/comparisons', '/comparisons', '/comparisons']);
  });

  it('emits nothing when no socket of this instance listens, and closes a deleted account’s sockets', async () => {
    const { transport, namespace } = await started();
    await transport.deliver(comparisonEvent(COMPARISON_EVENTS.started, OWNER, ID, { attempt: 1 }));
    expect(namespace.emitted).toEqual([]);
    await transport.deliverAccountDeleted(OWNER);
    expect(namespace.disconnected).toEqual([`user:${OWNER}`]);
  });
});
