import { ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { ensureTestServerBuild } = require('../../scripts/test-server-build.js') as {
  ensureTestServerBuild(): string;
};

export interface ServerProcess {
  url: string;
  child: ChildProcess;
  /** Everything the process printed so far. */
  output(): string;
  /** SIGTERM, then wait for the exit (SIGKILL after 15 s). */
  stop(): Promise<number | null>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/**
 * Runs `src/main.ts` — the real entry point — in its own process, with exactly `env` on top of PATH/HOME, and
 * returns once /health/live answers. It runs the transpiled copy in dist-test/ (scripts/test-server-build.js,
 * rebuilt when a source changed): the same JavaScript ts-node's transpile-only mode made at every start, made once.
 */
export async function startServerProcess(
  env: Record<string, string>,
  args: string[] = [],
  { waitUntilReady = true, timeoutMs = 45_000, nodeArgs = [] as string[] } = {},
): Promise<ServerProcess> {
  const port = Number(env.PORT ?? (await freePort()));
  const child = spawn(process.execPath, ['--enable-source-maps', ...nodeArgs, ensureTestServerBuild(), ...args], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
      NODE_ENV: 'test',
      LOG_LEVEL: 'log',
      HOST: '127.0.0.1',
      ...env,
      PORT: String(port),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;

  const server: ServerProcess = {
    url,
    child,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const code = await exited;
      clearTimeout(killer);
      return code;
    },
  };
  if (!waitUntilReady) return server;

  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`server exited with ${child.exitCode} before it was ready:\n${output}`);
    try {
      const response = await fetch(`${url}/health/live`);
      if (response.ok) return server;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await server.stop();
  throw new Error(`server not ready after ${timeoutMs} ms:\n${output}`);
}

/** Resolves with the exit code once the process ends (for processes expected to stop by themselves). */
export function exitCodeOf(server: ServerProcess, timeoutMs = 30_000): Promise<number | null> {
  return new Promise((resolve, reject) => {
    if (server.child.exitCode !== null) return resolve(server.child.exitCode);
    const timer = setTimeout(
      () => reject(new Error(`process still running after ${timeoutMs} ms:\n${server.output()}`)),
      timeoutMs,
    );
    server.child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}
