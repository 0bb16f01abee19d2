import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './server-process';

/** Debian package of each binary (Prometheus and the exporters come from apt, not Docker). */
const PACKAGE_OF: Record<string, string> = {
  prometheus: 'prometheus',
  promtool: 'prometheus',
  'prometheus-node-exporter': 'prometheus-node-exporter',
  'prometheus-redis-exporter': 'prometheus-redis-exporter',
  'prometheus-postgres-exporter': 'prometheus-postgres-exporter',
};

/** The binary's path; throws (never skips) with the apt-get line that installs it. */
export function requireBinary(name: string): string {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  const path = found.stdout.trim();
  if (found.status !== 0 || path === '') {
    throw new Error(`${name} is not installed: apt-get install -y ${PACKAGE_OF[name] ?? name}`);
  }
  return path;
}

export interface Daemon {
  url: string;
  output(): string;
  stop(): Promise<void>;
}

/** Starts `binary` with `args` (`{port}` replaced by a free loopback port) and waits until `readyPath` answers 200. */
async function startDaemon(
  binary: string,
  args: string[],
  readyPath: string,
  env: Record<string, string> = {},
  timeoutMs = 30_000,
): Promise<Daemon> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    requireBinary(binary),
    args.map((arg) => arg.replaceAll('{port}', String(port))),
    { env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test', ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20_000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const daemon: Daemon = {
    url,
    output: () => output,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGTERM');
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${binary} exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${url}${readyPath}`)).status === 200) return daemon;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await daemon.stop();
  throw new Error(`${binary} not ready on ${url}${readyPath} within ${timeoutMs} ms:\n${output}`);
}

/** Host metrics: only the collectors the infrastructure dashboard reads, on a free loopback port. */
export function startNodeExporter(): Promise<Daemon> {
  return startDaemon(
    'prometheus-node-exporter',
    [
      '--web.listen-address=127.0.0.1:{port}',
      '--collector.disable-defaults',
      ...['cpu', 'meminfo', 'loadavg', 'filesystem'].map((collector) => `--collector.${collector}`),
    ],
    '/metrics',
  );
}

export function startRedisExporter(redisUrl: string): Promise<Daemon> {
  return startDaemon(
    'prometheus-redis-exporter',
    ['-web.listen-address', '127.0.0.1:{port}', '-redis.addr', redisUrl],
    '/metrics',
  );
}

export function startPostgresExporter(databaseUrl: string): Promise<Daemon> {
  const url = new URL(databaseUrl);
  url.searchParams.set('sslmode', 'disable');
  return startDaemon('prometheus-postgres-exporter', ['--web.listen-address=127.0.0.1:{port}'], '/metrics', {
    DATA_SOURCE_NAME: url.toString(),
  });
}

export interface ScrapeTarget {
  job: string;
  /** `http://host:port` */
  url: string;
}

export interface QueryResult {
  status: 'success' | 'error';
  errorType?: string;
  error?: string;
  data?: { resultType: string; result: { metric: Record<string, string>; value: [number, string] }[] };
}

export interface TestPrometheus extends Daemon {
  query(expr: string): Promise<QueryResult>;
  get<T>(path: string): Promise<T>;
}

/**
 * A throw-away Prometheus on a free loopback port: scrapes `targets` every second, evaluates `rules` (the
 * text of a rules file) every second, keeps its data in a temp dir removed on stop.
 */
export async function startPrometheus(targets: ScrapeTarget[], rules?: string): Promise<TestPrometheus> {
  const dir = mkdtempSync(join(tmpdir(), 'portofino-prometheus-'));
  const config = [
    'global:',
    '  scrape_interval: 1s',
    '  scrape_timeout: 1s',
    '  evaluation_interval: 1s',
    ...(rules === undefined ? [] : ['rule_files:', `  - ${join(dir, 'rules.yml')}`]),
    'scrape_configs:',
    ...targets.flatMap((target) => [
      `  - job_name: ${target.job}`,
      '    static_configs:',
      `      - targets: ['${new URL(target.url).host}']`,
    ]),
  ].join('\n');
  writeFileSync(join(dir, 'prometheus.yml'), `${config}\n`);
  if (rules !== undefined) writeFileSync(join(dir, 'rules.yml'), rules);
  let daemon: Daemon;
  try {
    daemon = await startDaemon(
      'prometheus',
      [
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(dir, 'data')}`,
        '--web.listen-address=127.0.0.1:{port}',
        '--log.level=warn',
      ],
      '/-/ready',
    );
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  const get = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${daemon.url}${path}`);
    return (await response.json()) as T;
  };
  return {
    ...daemon,
    get,
    query: (expr) => get<QueryResult>(`/api/v1/query?query=${encodeURIComponent(expr)}`),
    stop: async () => {
      await daemon.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
