/**
 * Starts PostgreSQL, Redis and Kafka in parallel (or takes externally provided ones), for the jest
 * global setup and for `npm run services`.
 */
import { randomBytes } from 'node:crypto';
import { startKafka, type KafkaHandle } from './kafka';
import { startPostgres, type PostgresHandle } from './postgres';
import { startRedis, type RedisHandle } from './redis';
import { makeTempDir, nextId, register, removeDir, unregister } from './util';

export type ServiceName = 'postgres' | 'redis' | 'kafka';
export const ALL_SERVICES: readonly ServiceName[] = ['postgres', 'redis', 'kafka'];

export interface ServiceInfo {
  /** postgres: URL; redis: URL; kafka: comma-separated brokers. */
  address: string;
  /** true when taken from TEST_DATABASE_URL / TEST_REDIS_URL / TEST_KAFKA_BROKERS. */
  external: boolean;
  /** Milliseconds from start to ready (0 when external). */
  startMs: number;
  pid?: number;
  logFile?: string;
}

export interface Services {
  /** Short random id of this run; test database names and prefixes include it. */
  runId: string;
  /** Temp dir of this run (service dirs live inside it). */
  dir: string;
  databaseUrl?: string;
  redisUrl?: string;
  kafkaBrokers?: string[];
  info: Partial<Record<ServiceName, ServiceInfo>>;
  handles: { postgres?: PostgresHandle; redis?: RedisHandle; kafka?: KafkaHandle };
  /** Stops what was started here (never external services) and removes the run dir. */
  stop(): Promise<void>;
}

export interface StartServicesOptions {
  /** Which services (default: PORTOFINO_TEST_SERVICES, comma-separated, else all three). */
  only?: readonly ServiceName[];
  /** Take TEST_DATABASE_URL / TEST_REDIS_URL / TEST_KAFKA_BROKERS when set (default true). */
  useExternal?: boolean;
  env?: NodeJS.ProcessEnv;
}

/** PORTOFINO_TEST_SERVICES=postgres,redis starts only those (e.g. to skip Kafka while iterating). */
export function selectedServices(env: NodeJS.ProcessEnv = process.env): ServiceName[] {
  const raw = env.PORTOFINO_TEST_SERVICES?.trim();
  if (!raw || raw === 'all') return [...ALL_SERVICES];
  const names = raw
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);
  const unknown = names.filter((n) => !ALL_SERVICES.includes(n as ServiceName));
  if (unknown.length) {
    throw new Error(`PORTOFINO_TEST_SERVICES: unknown service(s) ${unknown.join(', ')}; use ${ALL_SERVICES.join(',')}`);
  }
  return names as ServiceName[];
}

export async function startServices(options: StartServicesOptions = {}): Promise<Services> {
  const env = options.env ?? process.env;
  const useExternal = options.useExternal ?? true;
  const only = options.only ?? selectedServices(env);
  const runId = randomBytes(4).toString('hex');
  const dir = makeTempDir('portofino-test-');
  // So the watchdog removes the run dir too if this process is killed.
  const dirId = nextId('run-dir');
  register(dirId, { pids: [], signal: 'SIGTERM', dirs: [dir] });
  const info: Services['info'] = {};
  const handles: Services['handles'] = {};

  const timed = async <T>(fn: () => Promise<T>): Promise<[T, number]> => {
    const t0 = Date.now();
    const value = await fn();
    return [value, Date.now() - t0];
  };

  const tasks: Promise<void>[] = [];
  const externalDb = useExternal ? env.TEST_DATABASE_URL : undefined;
  const externalRedis = useExternal ? env.TEST_REDIS_URL : undefined;
  const externalKafka = useExternal ? env.TEST_KAFKA_BROKERS : undefined;

  if (only.includes('postgres')) {
    if (externalDb) info.postgres = { address: externalDb, external: true, startMs: 0 };
    else
      tasks.push(
        timed(() => startPostgres({ parentDir: dir })).then(([h, ms]) => {
          handles.postgres = h;
          info.postgres = { address: h.url, external: false, startMs: ms, pid: h.pid, logFile: h.logFile };
        }),
      );
  }
  if (only.includes('redis')) {
    if (externalRedis) info.redis = { address: externalRedis, external: true, startMs: 0 };
    else
      tasks.push(
        timed(() => startRedis({ parentDir: dir })).then(([h, ms]) => {
          handles.redis = h;
          info.redis = { address: h.url, external: false, startMs: ms, pid: h.pid, logFile: h.logFile };
        }),
      );
  }
  if (only.includes('kafka')) {
    if (externalKafka) {
      const brokers = splitBrokers(externalKafka);
      info.kafka = { address: brokers.join(','), external: true, startMs: 0 };
    } else
      tasks.push(
        timed(() => startKafka({ parentDir: dir })).then(([h, ms]) => {
          handles.kafka = h;
          info.kafka = { address: h.brokers.join(','), external: false, startMs: ms, pid: h.pid, logFile: h.logFile };
        }),
      );
  }

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> =>
    (stopping ??= (async () => {
      await Promise.allSettled(Object.values(handles).map((h) => h?.stop()));
      removeDir(dir);
      unregister(dirId);
    })());

  const results = await Promise.allSettled(tasks);
  const failures = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failures.length > 0) {
    await stop();
    const messages = failures.map((f) => (f.reason instanceof Error ? f.reason.message : String(f.reason)));
    throw new Error(`test services failed to start:\n\n${messages.join('\n\n')}`);
  }

  return {
    runId,
    dir,
    databaseUrl: info.postgres?.address,
    redisUrl: info.redis?.address,
    kafkaBrokers: info.kafka ? splitBrokers(info.kafka.address) : undefined,
    info,
    handles,
    stop,
  };
}

export function splitBrokers(list: string): string[] {
  return list
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
}
