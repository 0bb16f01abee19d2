import { describe, expect, it } from '@jest/globals';
import {
  apiConfig,
  attachNamespace,
  CapturingTransport,
  FakeNamespace,
  userSocket,
} from '../../../test/support/owned-progress-fakes';
import { EVENT_TOPICS } from '../../events/event-topics';
import { MetricsService } from '../metrics/metrics.service';
import { PROJECTION_EVENTS, projectionEvent } from './projection.events';
import type { ProjectionService } from './projection.service';
import type { ProjectionRecord } from './projection.types';
import { ProjectionsGateway } from './projections.gateway';

const OWNER = 'user-1';
const ID = '00000000-0000-4000-8000-0000000000d1';
const SIMULATION = '00000000-0000-4000-8000-0000000000d2';

async function started() {
  const transport = new CapturingTransport();
  const stored: Pick<ProjectionRecord, 'userId' | 'simulationId' | 'status' | 'progress' | 'failureReason'> = {
    userId: OWNER,
    simulationId: SIMULATION,
    status: 'failed',
    progress: { phase: 'resampling: year 1 of 2', percent: 50 },
    failureReason: 'the projection could not be made',
  };
  const projections: Pick<ProjectionService, 'findById'> = {
    findById: async (id) => (id === ID ? ({ id, ...stored } as ProjectionRecord) : null),
  };
  const gateway = new ProjectionsGateway(
    apiConfig(),
    transport,
    new MetricsService(),
    projections as ProjectionService,
  );
  const namespace = new FakeNamespace();
  attachNamespace(gateway, namespace);
  await gateway.onApplicationBootstrap();
  return { gateway, transport, namespace };
}

/** The /projections gateway with a fake namespace and transport (the shared pattern: comparisons.gateway.spec.ts). */
describe('ProjectionsGateway', () => {
  it('reads the projection topic and account events', async () => {
    const { transport } = await started();
    expect(transport.options?.topics).toEqual([EVENT_TOPICS.projection, EVENT_TOPICS.account]);
    expect(transport.options?.groupId).toMatch(/^portofino-projections-gateway-/);
  });

  it('answers its owner with the state, simulation included, and anyone else as if it did not exist', async () => {
    const { gateway } = await started();
    const owner = userSocket(OWNER);
    expect(await gateway.subscribe(owner.socket, { projectionId: ID })).toEqual({
      projectionId: ID,
      simulationId: SIMULATION,
      status: 'failed',
      phase: 'resampling: year 1 of 2',
      percent: 50,
      failureReason: 'the projection could not be made',
    });
    expect([...owner.joined]).toEqual([`projection:${ID}`]);
    const other = userSocket('user-2');
    expect(await gateway.subscribe(other.socket, { projectionId: ID })).toEqual({
      error: `projection ${ID} not found`,
    });
    expect(other.joined.size).toBe(0);
    expect(await gateway.subscribe(owner.socket, { simulationId: SIMULATION })).toEqual({
      error: 'subscribe needs { projectionId: "<uuid>" }',
    });
  });

  it('forwards requested and completed under those names, with the projection’s id, to its rooms', async () => {
    const { transport, namespace } = await started();
    namespace.listen(`projection:${ID}`);
    const requested = {
      simulationId: SIMULATION,
      taskId: ID,
      paths: 100,
      years: 2,
      method: 'block',
      blockMonths: 6,
      seed: 5,
    } as const;
    await transport.deliver(projectionEvent(PROJECTION_EVENTS.requested, OWNER, ID, requested));
    const completed = {
      simulationId: SIMULATION,
      durationMs: 12,
      medianFinalValue: 1100,
      probabilityPositive: 1,
      probabilityAboveTarget: 0.6,
    };
    await transport.deliver(projectionEvent(PROJECTION_EVENTS.completed, OWNER, ID, completed));
    expect(namespace.emitted.map(({ rooms, name, payload }) => [rooms, name, payload])).toEqual([
      [[`projection:${ID}`, `user:${OWNER}`], 'requested', expect.objectContaining({ projectionId: ID, ...requested })],
      [[`projection:${ID}`, `user:${OWNER}`], 'completed', expect.objectContaining({ projectionId: ID, ...completed })],
    ]);
  });
});
