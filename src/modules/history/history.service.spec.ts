import { beforeAll, describe, expect, it } from '@jest/globals';
import { InMemorySimulations } from '../../../test/support/in-memory-simulations';
import { completedSimulation } from '../../../test/support/stored-simulation';
import type { HistoryRepository } from './history.repository';
import { HistoryService } from './history.service';
import type { SimulationRecord, StoredSimulationResult } from './history.types';

let completed: { record: SimulationRecord; result: StoredSimulationResult };

beforeAll(async () => {
  completed = await completedSimulation('AAPL-L-100% 2020-01-01 2020-12-31');
});

function setUp() {
  const store = new InMemorySimulations();
  store.records.set(completed.record.id, completed.record);
  store.results.set(completed.record.id, completed.result);
  const running = { ...completed.record, id: '00000000-0000-4000-8000-000000000099', status: 'running' as const };
  store.records.set(running.id, running);
  store.results.set(running.id, completed.result);
  const service = new HistoryService(store as unknown as HistoryRepository);
  return { store, service, running };
}

const OWNER = 'user-1';

/** HistoryService over an in-memory history: ownership, the result only of a completed run, deletion's event. */
describe('HistoryService', () => {
  it('gives the owner a simulation with its result once completed, and none while it runs', async () => {
    const { service, running } = setUp();
    expect(await service.getDetail(OWNER, completed.record.id)).toEqual(completed);
    // A result row of an unfinished run (a retried job's) is not shown before the completion is written.
    expect(await service.getDetail(OWNER, running.id)).toEqual({ record: running, result: null });
  });

  it('answers another user’s simulation exactly like a missing one: 404 SIMULATION_NOT_FOUND', async () => {
    const { service } = setUp();
    for (const [userId, id] of [
      ['user-2', completed.record.id],
      [OWNER, '00000000-0000-4000-8000-000000000000'],
    ]) {
      await expect(service.getDetail(userId, id)).rejects.toMatchObject({
        code: 'SIMULATION_NOT_FOUND',
        httpStatus: 404,
        message: `simulation ${id} not found`,
      });
    }
    // The worker's read has no owner.
    expect((await service.findById(completed.record.id))?.userId).toBe(OWNER);
  });

  it('deletes the owner’s simulation with its history.deleted event, and refuses anyone else', async () => {
    const { service, store } = setUp();
    await expect(service.delete('user-2', completed.record.id)).rejects.toMatchObject({ httpStatus: 404 });
    expect([store.records.has(completed.record.id), store.events]).toEqual([true, []]);
    await service.delete(OWNER, completed.record.id);
    expect(store.records.has(completed.record.id)).toBe(false);
    expect(store.events.map(({ type, key, userId, data }) => ({ type, key, userId, data }))).toEqual([
      { type: 'history.deleted', key: completed.record.id, userId: OWNER, data: { reason: 'deleted-by-user' } },
    ]);
  });
});
