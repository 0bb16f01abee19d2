/**
 * First-run benchmark: the real server in embedded mode (`npm start`: SQLite, in-process queue and events, sample
 * prices) on a fresh database, while a probe asks GET /health/live every 10 ms (the next request 10 ms after the
 * last answer; a blocked event loop shows as one long answer):
 *  1. the cold 20-ticker 1990–2022 simulation (every price fetched and stored): its time to completed, the probe's
 *     p50/p99/max, how long further POST /simulate calls took meanwhile, and when the first live
 *     `fetching prices n/m` progress reached the socket;
 *  2. a 5 MB price CSV upload (date,close,adj_close, one row a calendar day from 1700): its time and the probe's
 *     p50/p99/max meanwhile.
 * With BENCH_DATABASE=postgres the server uses a throw-away PostgreSQL (started like the tests do) instead of SQLite.
 *   npm run bench:first-run   (BENCH_UPLOAD_BYTES=5000000 BENCH_DATABASE=sqlite|postgres BENCH_NODE_ARGS=--cpu-prof)
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io } from 'socket.io-client';
import { startServices } from '../test/harness/services';
import { startServerProcess } from '../test/support/server-process';
import { formatSummary, httpCall, startLatencyProbe, summarize } from './support/latency-probe';

const TICKERS = 'AAPL AMD BAC BBY CVX GE HD JNJ JPM KO LLY MRK MSFT PEP PFE PG RRC UNH WMT XOM'.split(' ');
const COLD = `${TICKERS.map((ticker) => `${ticker}-L-5%`).join(' ')} 1990-01-02 2022-12-28 rebalance=monthly`;
const SMALL = 'AAPL-L-60% MSFT-L-40% 2020-01-01 2020-12-31';
const PASSWORD = 'correct horse battery staple 7';
const UPLOAD_BYTES = Number(process.env.BENCH_UPLOAD_BYTES ?? 5_000_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `date,close,adj_close`, one row a calendar day from 1700-01-01, until the text is `bytes` long. */
function uploadCsv(bytes: number): { text: string; rows: number } {
  const lines = ['date,close,adj_close'];
  let size = lines[0].length + 1;
  let price = 100;
  for (let day = Date.UTC(1700, 0, 1); size < bytes; day += 86_400_000) {
    price *= 1 + ((lines.length * 7919) % 200) / 100_000 - 0.001;
    const line = `${new Date(day).toISOString().slice(0, 10)},${price.toPrecision(14)},${(price * 0.98).toPrecision(14)}`;
    lines.push(line);
    size += line.length + 1;
  }
  return { text: `${lines.join('\n')}\n`, rows: lines.length - 1 };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'portofino-first-run-'));
  const postgres =
    process.env.BENCH_DATABASE === 'postgres' ? await startServices({ only: ['postgres'], useExternal: false }) : null;
  console.log(`database: ${postgres ? 'PostgreSQL' : 'SQLite (embedded)'}`);
  const server = await startServerProcess(
    {
      ...(postgres ? { DATABASE_URL: postgres.databaseUrl as string } : {}),
      SQLITE_PATH: join(dir, 'portofino.sqlite'),
      JWT_SECRET_FILE: join(dir, 'jwt-secret'),
      REPORTS_DIR: join(dir, 'reports'),
      MARKET_DATA_PROVIDERS: 'sample',
      AUTH_THROTTLE_LIMIT: '1000',
      SERVE_DASHBOARD: 'false',
      LOG_LEVEL: 'warn',
    },
    [],
    { nodeArgs: (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean) },
  );
  try {
    const email = `bench-${randomUUID().slice(0, 8)}@example.com`;
    const registered = await httpCall(`${server.url}/auth/register`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password: PASSWORD }),
    });
    const { accessToken } = JSON.parse(registered.text) as { accessToken: string };
    const authorization = `Bearer ${accessToken}`;
    const simulate = (command: string) =>
      httpCall(`${server.url}/simulate`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization },
        body: JSON.stringify({ command }),
      });

    // --- 1. cold 20-ticker first run -----------------------------------------------------------------------------
    const socket = io(`${server.url}/simulations`, { transports: ['websocket'], auth: { token: accessToken } });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    let coldId = '';
    const phases: { at: number; phase: string }[] = [];
    let t0 = 0;
    const finished = new Promise<{ status: string; at: number }>((resolve) => {
      const end = (status: string) => (payload: { simulationId: string }) => {
        if (payload.simulationId === coldId) resolve({ status, at: performance.now() - t0 });
      };
      socket.on('completed', end('completed'));
      socket.on('failed', end('failed'));
    });
    socket.on('progress', (payload: { simulationId: string; phase: string }) => {
      if (payload.simulationId === coldId) phases.push({ at: performance.now() - t0, phase: payload.phase });
    });

    const probe = startLatencyProbe(`${server.url}/health/live`);
    await sleep(200);
    t0 = performance.now();
    const cold = await simulate(COLD);
    coldId = (JSON.parse(cold.text) as { simulationId: string }).simulationId;
    const others: number[] = [];
    let done: { status: string; at: number } | undefined;
    void finished.then((value) => (done = value));
    while (!done) {
      await sleep(250);
      if (!done) others.push((await simulate(SMALL)).ms);
    }
    const coldProbe = await probe.stop();
    socket.close();
    const firstFetching = phases.find((p) => /^fetching prices [1-9]/.test(p.phase));
    console.log(
      `cold 20-ticker first run: ${done.status} in ${done.at.toFixed(0)} ms (POST /simulate ${cold.ms.toFixed(1)} ms)`,
    );
    console.log(`  /health/live meanwhile: ${formatSummary(coldProbe)}`);
    console.log(`  other POST /simulate meanwhile: ${formatSummary(summarize(others))}`);
    console.log(
      `  live progress: ${phases.length} events; first "fetching prices n/m" (n > 0) ${
        firstFetching ? `at ${firstFetching.at.toFixed(0)} ms (${firstFetching.phase})` : 'never'
      }; phases ${[...new Set(phases.map((p) => p.phase.replace(/\d+\/\d+/, 'n/m')))].join(', ')}`,
    );

    // --- 2. 5 MB CSV upload --------------------------------------------------------------------------------------
    const csv = uploadCsv(UPLOAD_BYTES);
    const uploadProbe = startLatencyProbe(`${server.url}/health/live`);
    await sleep(200);
    const upload = await httpCall(`${server.url}/assets/MYFUND/prices`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization },
      body: csv.text,
    });
    const uploadLatency = await uploadProbe.stop();
    console.log(
      `upload of ${(Buffer.byteLength(csv.text) / 1e6).toFixed(2)} MB (${csv.rows} rows): HTTP ${upload.status} in ${upload.ms.toFixed(0)} ms${
        upload.status === 201 ? '' : ` ${upload.text.slice(0, 300)}`
      }`,
    );
    console.log(`  /health/live meanwhile: ${formatSummary(uploadLatency)}`);
  } finally {
    await server.stop();
    await postgres?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
