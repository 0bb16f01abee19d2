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
import { REPORT_EVENTS, reportEvent } from './report.events';
import type { ReportService } from './report.service';
import type { ReportRecord } from './report.types';
import { ReportsGateway } from './reports.gateway';

const OWNER = 'user-1';
const ID = '00000000-0000-4000-8000-0000000000e1';
const SIMULATION = '00000000-0000-4000-8000-0000000000e2';

async function started() {
  const transport = new CapturingTransport();
  const stored: Pick<ReportRecord, 'userId' | 'simulationId' | 'status' | 'progress' | 'failureReason'> = {
    userId: OWNER,
    simulationId: SIMULATION,
    status: 'running',
    progress: { phase: 'storing the file', percent: 90 },
    failureReason: null,
  };
  const reports: Pick<ReportService, 'findById'> = {
    findById: async (id) => (id === ID ? ({ id, ...stored } as ReportRecord) : null),
  };
  const gateway = new ReportsGateway(apiConfig(), transport, new MetricsService(), reports as ReportService);
  const namespace = new FakeNamespace();
  attachNamespace(gateway, namespace);
  await gateway.onApplicationBootstrap();
  return { gateway, transport, namespace };
}

/** The /reports gateway with a fake namespace and transport (the shared pattern: comparisons.gateway.spec.ts). */
describe('ReportsGateway', () => {
  it('reads the report topic and account events', async () => {
    const { transport } = await started();
    expect(transport.options?.topics).toEqual([EVENT_TOPICS.report, EVENT_TOPICS.account]);
    expect(transport.options?.groupId).toMatch(/^portofino-reports-gateway-/);
  });

  it('answers its owner with the state, simulation included, and anyone else as if it did not exist', async () => {
    const { gateway } = await started();
    const owner = userSocket(OWNER);
    expect(await gateway.subscribe(owner.socket, { reportId: ID })).toEqual({
      reportId: ID,
      simulationId: SIMULATION,
      status: 'running',
      phase: 'storing the file',
      percent: 90,
      failureReason: null,
    });
    expect([...owner.joined]).toEqual([`report:${ID}`]);
    const other = userSocket('user-2');
    expect(await gateway.subscribe(other.socket, { reportId: ID })).toEqual({ error: `report ${ID} not found` });
    expect(other.joined.size).toBe(0);
  });

  it('forwards started and completed under those names, with the report’s id, to its rooms', async () => {
    const { transport, namespace } = await started();
    namespace.listen(`user:${OWNER}`);
    await transport.deliver(reportEvent(REPORT_EVENTS.started, OWNER, ID, { simulationId: SIMULATION, attempt: 2 }));
    const completed = { simulationId: SIMULATION, fileName: 'portofino-x.xlsx', sizeBytes: 2048, durationMs: 900 };
    await transport.deliver(reportEvent(REPORT_EVENTS.completed, OWNER, ID, completed));
    // Another user's report is not forwarded to this user's room.
    await transport.deliver(reportEvent(REPORT_EVENTS.started, 'user-2', SIMULATION, { simulationId: ID, attempt: 1 }));
    expect(namespace.emitted.map(({ rooms, name, payload }) => [rooms, name, payload])).toEqual([
      [[`report:${ID}`, `user:${OWNER}`], 'started', expect.objectContaining({ reportId: ID, attempt: 2 })],
      [[`report:${ID}`, `user:${OWNER}`], 'completed', expect.objectContaining({ reportId: ID, ...completed })],
    ]);
  });
});
