import { beforeAll, describe, expect, it } from '@jest/globals';
import { InMemorySimulations } from '../../../../test/support/in-memory-simulations';
import { completedSimulation } from '../../../../test/support/stored-simulation';
import type { HistoryRepository } from '../../history/history.repository';
import { HistoryService } from '../../history/history.service';
import type { SimulationRecord, StoredSimulationResult } from '../../history/history.types';
import { TearsheetService } from './tearsheet.service';

const OWNER = 'user-1';
let simulation: { record: SimulationRecord; result: StoredSimulationResult };

beforeAll(async () => {
  simulation = await completedSimulation('AAPL-L-60% KO-L-40% 2020-01-01 2021-06-30 benchmark=SPY rf=2%');
});

function setUp() {
  const store = new InMemorySimulations();
  store.records.set(simulation.record.id, simulation.record);
  store.results.set(simulation.record.id, simulation.result);
  return { store, service: new TearsheetService(new HistoryService(store as unknown as HistoryRepository)) };
}

/** TearsheetService over an in-memory history: who gets a tearsheet of what, and what a shared one leaves out. */
describe('TearsheetService', () => {
  it('renders the owner’s completed simulation as one HTML page named after its command and day', async () => {
    const { service } = setUp();
    const { html, fileName } = await service.render(OWNER, simulation.record.id);
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).toContain(simulation.record.canonical);
    expect(fileName).toMatch(
      /^portofino-aapl-l-60pct-ko-l-40pct-2020-01-01-2021-06-30-rf-2pct-benchmark-spy-\d{4}-\d\d-\d\d-tearsheet\.html$/,
    );
  });

  it('refuses a failed simulation (422), one not finished (409) and someone else’s (404)', async () => {
    const { store, service } = setUp();
    const failed = { ...simulation.record, id: '00000000-0000-4000-8000-0000000000e8', status: 'failed' as const };
    const running = { ...simulation.record, id: '00000000-0000-4000-8000-0000000000e9', status: 'running' as const };
    store.records.set(failed.id, { ...failed, failureReason: 'no prices' });
    store.records.set(running.id, running);
    await expect(service.render(OWNER, failed.id)).rejects.toMatchObject({
      code: 'SIMULATION_FAILED',
      httpStatus: 422,
    });
    await expect(service.render(OWNER, running.id)).rejects.toMatchObject({
      code: 'SIMULATION_NOT_COMPLETED',
      httpStatus: 409,
    });
    await expect(service.render('user-2', simulation.record.id)).rejects.toMatchObject({
      code: 'SIMULATION_NOT_FOUND',
      httpStatus: 404,
    });
  });

  it('leaves the simulation’s id out of a shared tearsheet, and keeps the rest', async () => {
    const { service } = setUp();
    const owner = service.renderStored(simulation.record, simulation.result, 'owner');
    const shared = service.renderStored(simulation.record, simulation.result, 'shared');
    expect(owner.html).toContain(simulation.record.id);
    expect(shared.html).not.toContain(simulation.record.id);
    expect(shared.html).toContain(simulation.record.canonical);
    expect(shared.fileName).toBe(owner.fileName);
  });
});
