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
import { StudiesGateway } from './studies.gateway';
import { STUDY_EVENTS, studyEvent } from './study.events';
import type { StudyService } from './study.service';
import type { StudyRecord } from './study.types';

const OWNER = 'user-1';
const ID = '00000000-0000-4000-8000-0000000000f1';
const PROGRESS = { phase: 'evaluating', percent: 40, chunksDone: 2, chunksTotal: 5, candidatesEvaluated: 800 };

async function started() {
  const transport = new CapturingTransport();
  const stored: Pick<StudyRecord, 'userId' | 'status' | 'progress' | 'failureReason'> = {
    userId: OWNER,
    status: 'running',
    progress: PROGRESS,
    failureReason: null,
  };
  const studies: Pick<StudyService, 'findSummary'> = {
    findSummary: async (id) => (id === ID ? ({ id, ...stored } as StudyRecord) : null),
  };
  const gateway = new StudiesGateway(apiConfig(), transport, new MetricsService(), studies as StudyService);
  const namespace = new FakeNamespace();
  attachNamespace(gateway, namespace);
  await gateway.onApplicationBootstrap();
  return { gateway, transport, namespace };
}

/** The /studies gateway with a fake namespace and transport (the shared pattern: comparisons.gateway.spec.ts). */
describe('StudiesGateway', () => {
  it('reads the study topic and account events', async () => {
    const { transport } = await started();
    expect(transport.options?.topics).toEqual([EVENT_TOPICS.study, EVENT_TOPICS.account]);
    expect(transport.options?.groupId).toMatch(/^portofino-studies-gateway-/);
  });

  it('answers its owner with the state and its chunk counts, and anyone else as if it did not exist', async () => {
    const { gateway } = await started();
    const owner = userSocket(OWNER);
    expect(await gateway.subscribe(owner.socket, { studyId: ID })).toEqual({
      studyId: ID,
      status: 'running',
      progress: PROGRESS,
      failureReason: null,
    });
    expect([...owner.joined]).toEqual([`study:${ID}`]);
    const other = userSocket('user-2');
    expect(await gateway.subscribe(other.socket, { studyId: ID })).toEqual({ error: `study ${ID} not found` });
    expect(other.joined.size).toBe(0);
  });

  it('forwards progress and failed under those names, with the study’s id, to its rooms', async () => {
    const { transport, namespace } = await started();
    namespace.listen(`study:${ID}`);
    await transport.deliver(studyEvent(STUDY_EVENTS.progress, OWNER, ID, PROGRESS));
    await transport.deliver(
      studyEvent(STUDY_EVENTS.failed, OWNER, ID, { reason: 'chunk 3 failed', code: 'WORKER_LOST', chunk: 3 }),
    );
    expect(namespace.emitted.map(({ rooms, name, payload }) => [rooms, name, payload])).toEqual([
      [[`study:${ID}`, `user:${OWNER}`], 'progress', expect.objectContaining({ studyId: ID, ...PROGRESS })],
      [
        [`study:${ID}`, `user:${OWNER}`],
        'failed',
        expect.objectContaining({ studyId: ID, reason: 'chunk 3 failed', code: 'WORKER_LOST', chunk: 3 }),
      ],
    ]);
  });
});
