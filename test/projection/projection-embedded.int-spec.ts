import request from 'supertest';
import { projectMonteCarlo } from '../../src/engine';
import { HistoryService } from '../../src/modules/history/history.service';
import { storedProjectionHistory } from '../../src/modules/projection/projection-history.loader';
import {
  projectionOutputsOf,
  type ProjectionInputs,
  type ProjectionOutputs,
} from '../../src/modules/projection/projection.types';
import { connectSocket } from '../support/sockets';
import { eventually, RunningApp, startApp, temporarySqlitePath } from '../support/test-app';
import { signUp, TestUser } from '../support/test-users';

// Jan 2020 … Dec 2022: 36 complete months (the first row is 2 January, the last 28 December).
const COMMAND = 'AAPL-L-50% MSFT-L-50% 2020-01-01 2022-12-28 contribute=-500/month';

/** GET /projections/{id} once finished (outputs read only of completed ones). */
type ProjectionJson = Record<string, unknown> & {
  status: string;
  inputs: ProjectionInputs;
  outputs: ProjectionOutputs;
};

/** Projections in embedded mode (what `npm start` runs): SQLite, in-process queue and events. */
describe('projections, embedded', () => {
  let running: RunningApp;
  let sqlite: ReturnType<typeof temporarySqlitePath>;
  let alice: TestUser;
  let bob: TestUser;
  let simulationId: string;

  const api = () => request(running.url);

  async function simulate(user: TestUser, command: string): Promise<Record<string, unknown>> {
    const accepted = await api().post('/simulate').set('Authorization', user.bearer).send({ command }).expect(202);
    return eventually(
      async () => {
        const response = await api().get(`/history/${accepted.body.simulationId}`).set('Authorization', user.bearer);
        return ['completed', 'failed'].includes(response.body.status) ? response.body : undefined;
      },
      30_000,
      'the simulation to finish',
    );
  }

  async function finished(user: TestUser, projectionId: string): Promise<ProjectionJson> {
    return eventually(
      async () => {
        const response = await api().get(`/projections/${projectionId}`).set('Authorization', user.bearer).expect(200);
        return ['completed', 'failed'].includes(response.body.status) ? response.body : undefined;
      },
      60_000,
      `projection ${projectionId} to finish`,
    );
  }

  beforeAll(async () => {
    sqlite = temporarySqlitePath();
    running = await startApp({
      SQLITE_PATH: sqlite.path,
      AUTH_THROTTLE_LIMIT: '1000',
      MARKET_DATA_PROVIDERS: 'sample',
    });
    alice = await signUp(running.url, 'alice');
    bob = await signUp(running.url, 'bob');
    const detail = await simulate(alice, COMMAND);
    expect(detail.status).toBe('completed');
    simulationId = detail.id as string;
  });

  afterAll(async () => {
    await running.close();
    sqlite.remove();
  });

  it('runs a projection: 202, live progress on /projections, outputs equal to the engine’s on the same seed', async () => {
    const socket = await connectSocket(running.url, '/projections', alice.accessToken);
    const messages: { name: string; payload: Record<string, unknown> }[] = [];
    for (const name of ['requested', 'started', 'progress', 'completed', 'failed']) {
      socket.on(name, (payload: Record<string, unknown>) => messages.push({ name, payload }));
    }
    try {
      const body = { paths: 2000, years: 30, method: 'block', blockMonths: 6, seed: 42, targetValue: 50_000 };
      const accepted = await api()
        .post(`/history/${simulationId}/projections`)
        .set('Authorization', alice.bearer)
        .send(body)
        .expect(202);
      const projectionId = accepted.body.projectionId as string;
      expect(accepted.body).toEqual({
        projectionId: expect.stringMatching(/^[0-9a-f-]{36}$/),
        simulationId,
        status: 'queued',
        url: `/projections/${projectionId}`,
      });
      await eventually(async () => (messages.some((m) => m.name === 'completed') ? true : undefined), 60_000);
      expect(messages.map((m) => m.name)).toEqual([
        'requested',
        'started',
        ...Array.from({ length: 10 }, () => 'progress'),
        'completed',
      ]);
      expect(messages.every((m) => m.payload.projectionId === projectionId)).toBe(true);
      expect(messages.filter((m) => m.name === 'progress').map((m) => [m.payload.phase, m.payload.percent])).toEqual([
        ['loading the simulation', 5],
        ['resampling: year 0 of 30', 10],
        ...[3, 7, 11, 15, 18, 22, 26, 30].map((year, k) => [`resampling: year ${year} of 30`, 20 + 10 * k]),
      ]);

      const status = await finished(alice, projectionId);
      const { record, result } = await running.app.get(HistoryService).getDetail(alice.id, simulationId);
      const history = storedProjectionHistory(record, result!);
      expect(history.returns.length).toBe(36);
      const finalNav = result!.series.nav[result!.series.nav.length - 1];
      const inputs = {
        ...body,
        method: 'block' as const,
        initialValue: finalNav,
        cashFlow: { kind: 'amount' as const, amount: -500, period: 'month' as const },
        inflationRate: 0,
      };
      expect(status).toMatchObject({
        projectionId,
        simulationId,
        status: 'completed',
        progress: { phase: 'done', percent: 100 },
        failureReason: null,
        failureCode: null,
        inputs,
      });
      const expected = projectionOutputsOf(projectMonteCarlo(history.returns, inputs));
      expect(status.outputs).toEqual(expected);
      expect(status.outputs.valueBands).toHaveLength(7);
      expect(status.outputs.valueBands[3].values).toHaveLength(361);
      expect(status.outputs.pathsPositive).toBe(2000 - status.outputs.depletedPaths);
      expect(messages[messages.length - 1].payload).toMatchObject({
        probabilityPositive: expected.probabilityPositive,
        medianFinalValue: expected.finalValue.percentiles[3],
      });

      expect(await socket.timeout(5000).emitWithAck('subscribe', { projectionId })).toEqual({
        projectionId,
        simulationId,
        status: 'completed',
        phase: 'done',
        percent: 100,
        failureReason: null,
      });
    } finally {
      socket.close();
    }
  });

  it('is deterministic with a seed: the same request twice gives the same outputs; defaults are resolved and stored', async () => {
    const body = { paths: 500, years: 10, method: 'monthly', seed: 9, cashFlow: null };
    const ids = await Promise.all(
      [1, 2].map(async () => {
        const accepted = await api()
          .post(`/history/${simulationId}/projections`)
          .set('Authorization', alice.bearer)
          .send(body)
          .expect(202);
        return accepted.body.projectionId as string;
      }),
    );
    const [first, second] = await Promise.all(ids.map((id) => finished(alice, id)));
    expect(first.status).toBe('completed');
    expect(second.outputs).toEqual(first.outputs);
    expect(first.inputs).toMatchObject({
      blockMonths: 1,
      cashFlow: null,
      seed: 9,
      targetValue: first.inputs.initialValue,
    });
    expect(first.outputs.depletedPaths).toBe(0);

    // A request with no options: 10,000 paths, 30 years, 12-month blocks, the simulation's withdrawal, a random seed.
    const defaults = await api()
      .post(`/history/${simulationId}/projections`)
      .set('Authorization', alice.bearer)
      .send({})
      .expect(202);
    const stored = await finished(alice, defaults.body.projectionId);
    expect(stored.inputs).toMatchObject({
      paths: 10_000,
      years: 30,
      method: 'block',
      blockMonths: 12,
      cashFlow: { kind: 'amount', amount: -500, period: 'month' },
      seed: expect.any(Number),
    });
    expect(stored.outputs.paths).toBe(10_000);
  });

  it('refuses bad options with a 4xx naming what is wrong, before queueing anything', async () => {
    const post = (body: unknown, id = simulationId) =>
      api()
        .post(`/history/${id}/projections`)
        .set('Authorization', alice.bearer)
        .send(body as object);
    const fieldsOf = (response: request.Response) =>
      (response.body.details as { field: string }[]).map((detail) => detail.field);

    const tooMany = await post({ paths: 10_001, years: 51, method: 'weekly' }).expect(400);
    expect(tooMany.body.error).toBe('VALIDATION_FAILED');
    expect(fieldsOf(tooMany).sort()).toEqual(['method', 'paths', 'years']);
    expect(tooMany.body.message).toContain('paths must not be greater than 10000');

    const noAmount = await post({ cashFlow: { kind: 'amount', period: 'month' } }).expect(400);
    expect(fieldsOf(noAmount)).toEqual(['cashFlow.amount']);
    const unknown = await post({ pathz: 10 }).expect(400);
    expect(unknown.body.message).toContain('property pathz should not exist');

    // Longer blocks than the 36 months of history: the engine's refusal, named.
    const longBlocks = await post({ method: 'block', blockMonths: 37 }).expect(400);
    expect(longBlocks.body).toMatchObject({
      status: 400,
      error: 'VALIDATION_FAILED',
      message: 'blockMonths: blockMonths must be a whole number from 1 to 36, got 37',
      details: [{ field: 'blockMonths', problems: ['blockMonths must be a whole number from 1 to 36, got 37'] }],
    });

    const short = await simulate(alice, 'AAPL-L-100% 2022-03-01 2022-12-28');
    const tooShort = await post({}, short.id as string).expect(422);
    expect(tooShort.body).toMatchObject({
      error: 'INSUFFICIENT_HISTORY',
      message: `simulation ${short.id} cannot be projected: a projection needs at least 12 complete months of history, this one has 10`,
    });

    const failed = await simulate(alice, 'AAPL-L-50% NOPE-L-50% 2020-01-01 2022-12-28');
    expect((await post({}, failed.id as string).expect(422)).body.error).toBe('SIMULATION_FAILED');
    expect((await post({}, 'not-a-uuid').expect(400)).body.error).toBe('BAD_REQUEST');
    await api().post(`/history/${simulationId}/projections`).send({}).expect(401);
  });

  it('shows a projection only to its owner: another user gets 404, for the simulation and the projection', async () => {
    const accepted = await api()
      .post(`/history/${simulationId}/projections`)
      .set('Authorization', alice.bearer)
      .send({ paths: 100, years: 5, seed: 1 })
      .expect(202);
    const projectionId = accepted.body.projectionId as string;
    await finished(alice, projectionId);
    const foreign = await api().get(`/projections/${projectionId}`).set('Authorization', bob.bearer).expect(404);
    expect(foreign.body).toMatchObject({
      error: 'PROJECTION_NOT_FOUND',
      message: `projection ${projectionId} not found`,
    });
    const theirs = await api()
      .post(`/history/${simulationId}/projections`)
      .set('Authorization', bob.bearer)
      .send({})
      .expect(404);
    expect(theirs.body.error).toBe('SIMULATION_NOT_FOUND');
    const socket = await connectSocket(running.url, '/projections', bob.accessToken);
    try {
      expect(await socket.timeout(5000).emitWithAck('subscribe', { projectionId })).toEqual({
        error: `projection ${projectionId} not found`,
      });
    } finally {
      socket.close();
    }
  });

  it('removes the projections of a deleted simulation', async () => {
    const detail = await simulate(alice, COMMAND);
    const accepted = await api()
      .post(`/history/${detail.id}/projections`)
      .set('Authorization', alice.bearer)
      .send({ paths: 100, years: 5 })
      .expect(202);
    await finished(alice, accepted.body.projectionId);
    await api().delete(`/history/${detail.id}`).set('Authorization', alice.bearer).expect(204);
    await api().get(`/projections/${accepted.body.projectionId}`).set('Authorization', alice.bearer).expect(404);
  });
});
