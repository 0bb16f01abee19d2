import { describe, expect, it } from '@jest/globals';
import {
  apiConfig,
  attachNamespace,
  CapturingTransport,
  FakeNamespace,
  userSocket,
} from '../../../test/support/owned-progress-fakes';
import { EVENT_TOPICS } from '../../events/event-topics';
import type { HistoryService } from '../history/history.service';
import type { SimulationRecord } from '../history/history.types';
import { MetricsService } from '../metrics/metrics.service';
import { SIMULATION_EVENTS, simulationEvent } from './simulation.events';
import { SimulationsGateway } from './simulations.gateway';

const OWNER = 'user-1';
const ID = '00000000-0000-4000-8000-0000000000a9';

async function started() {
  const transport = new CapturingTransport();
  const stored: Pick<SimulationRecord, 'userId' | 'status' | 'progress' | 'failureReason'> = {
    userId: OWNER,
    status: 'failed',
    progress: { phase: 'fetching prices 1/2', percent: 22 },
    failureReason: 'ticker NOPE is not known to sample',
  };
  const history: Pick<HistoryService, 'findById'> = {
    findById: async (id) => (id === ID ? ({ id, ...stored } as SimulationRecord) : null),
  };
  const gateway = new SimulationsGateway(apiConfig(), transport, new MetricsService(), history as HistoryService);
  const namespace = new FakeNamespace();
  attachNamespace(gateway, namespace);
  await gateway.onApplicationBootstrap();
  return { gateway, transport, namespace };
}

/** The /simulations gateway with a fake namespace and transport (the shared pattern: comparisons.gateway.spec.ts). */
describe('SimulationsGateway', () => {
  it('reads the simulation topic and account events', async () => {
    const { transport } = await started();
    expect(transport.options?.topics).toEqual([EVENT_TOPICS.simulation, EVENT_TOPICS.account]);
    expect(transport.options?.groupId).toMatch(/^portofino-simulations-gateway-/);
  });

  it('answers its owner with the state, and anyone else as if it did not exist', async () => {
    const { gateway } = await started();
    const owner = userSocket(OWNER);
    expect(await gateway.subscribe(owner.socket, { simulationId: ID })).toEqual({
      simulationId: ID,
      status: 'failed',
      phase: 'fetching prices 1/2',
      percent: 22,
      failureReason: 'ticker NOPE is not known to sample',
    });
    expect([...owner.joined]).toEqual([`simulation:${ID}`]);
    const other = userSocket('user-2');
    expect(await gateway.subscribe(other.socket, { simulationId: ID })).toEqual({
      error: `simulation ${ID} not found`,
    });
    expect(other.joined.size).toBe(0);
  });

  it('forwards progress and failed under those names, with the simulation’s id, to its rooms', async () => {
    const { transport, namespace } = await started();
    namespace.listen(`simulation:${ID}`);
    await transport.deliver(
      simulationEvent(SIMULATION_EVENTS.progress, OWNER, ID, { phase: 'simulating', percent: 60 }),
    );
    await transport.deliver(
      simulationEvent(SIMULATION_EVENTS.failed, OWNER, ID, { reason: 'no trading days', code: 'NO_TRADING_DAYS' }),
    );
    expect(namespace.emitted.map(({ rooms, name, payload }) => [rooms, name, payload])).toEqual([
      [
        [`simulation:${ID}`, `user:${OWNER}`],
        'progress',
        expect.objectContaining({ simulationId: ID, phase: 'simulating', percent: 60 }),
      ],
      [
        [`simulation:${ID}`, `user:${OWNER}`],
        'failed',
        expect.objectContaining({ simulationId: ID, reason: 'no trading days', code: 'NO_TRADING_DAYS' }),
      ],
    ]);
  });
});
