import { APP_ROLES, AppConfig, AppRole, LOG_FORMATS, LOG_LEVELS, NODE_ENVS, type AppConfigValues } from './app-config';

/** One environment variable: its default (undefined = optional, unset by default) and what it means. */
export interface EnvironmentVariable {
  name: string;
  default: string | undefined;
  description: string;
}

/**
 * Every variable PortoFino reads. `.env.example` documents exactly this list (a unit test keeps the two
 * in step), and `parseEnvironment` validates each one.
 */
export const ENVIRONMENT_VARIABLES: readonly EnvironmentVariable[] = [
  { name: 'NODE_ENV', default: 'development', description: 'development | production | test' },
  {
    name: 'APP_ROLE',
    default: 'both',
    description: 'api | worker | both: which part this process runs (the --role=... flag overrides it)',
  },
  { name: 'HOST', default: '0.0.0.0', description: 'interface the HTTP server listens on' },
  { name: 'PORT', default: '8000', description: 'HTTP port: API, dashboard, /health, /metrics, /docs' },
  { name: 'BODY_LIMIT', default: '1mb', description: 'largest accepted request body (e.g. 512kb, 1mb)' },
  {
    name: 'CORS_ORIGINS',
    default: undefined,
    description: 'comma-separated origins allowed to call the API from a browser (unset: same origin only)',
  },
  {
    name: 'TRUST_PROXY',
    default: 'false',
    description: 'true behind a reverse proxy (client IP from X-Forwarded-For)',
  },
  {
    name: 'SERVE_DASHBOARD',
    default: 'true',
    description: 'serve the built Next.js dashboard (client/) under /app on the same port',
  },
  { name: 'LOG_LEVEL', default: 'log', description: 'error | warn | log | debug | verbose' },
  { name: 'LOG_FORMAT', default: 'json', description: 'json (one object a line) | pretty' },
  {
    name: 'DATABASE_URL',
    default: undefined,
    description: 'postgres://user:pass@host:5432/db; unset: embedded SQLite at SQLITE_PATH',
  },
  { name: 'DATABASE_POOL_SIZE', default: '10', description: 'PostgreSQL connection pool size' },
  {
    name: 'SQLITE_PATH',
    default: 'data/portofino.sqlite',
    description: 'embedded database file (":memory:" for none)',
  },
  { name: 'DB_MIGRATIONS_RUN', default: 'true', description: 'apply pending migrations at start-up' },
  {
    name: 'REDIS_URL',
    default: undefined,
    description: 'redis://host:6379 enables Bull queues on Redis; unset: in-process queue',
  },
  { name: 'QUEUE_PREFIX', default: 'portofino', description: 'Redis key prefix of the Bull queues' },
  { name: 'QUEUE_CONCURRENCY', default: '4', description: 'jobs a worker runs at once per queue' },
  {
    name: 'KAFKA_BROKERS',
    default: undefined,
    description: 'comma-separated host:port list enables Kafka events; unset: in-process event bus',
  },
  { name: 'KAFKA_CLIENT_ID', default: 'portofino', description: 'kafkajs client id' },
  { name: 'KAFKA_TOPIC_PARTITIONS', default: '3', description: 'partitions of topics created at start-up' },
  { name: 'KAFKA_REPLICATION_FACTOR', default: '1', description: 'replication factor of topics created at start-up' },
  { name: 'OUTBOX_POLL_MS', default: '500', description: 'how often the outbox relay looks for unpublished events' },
];

export class ConfigValidationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigValidationError';
  }
}

type Env = Record<string, string | undefined>;

/** Reads variables with their defaults and collects every problem instead of stopping at the first. */
class EnvironmentReader {
  readonly problems: string[] = [];
  private readonly defaults = new Map(ENVIRONMENT_VARIABLES.map((v) => [v.name, v.default]));

  constructor(private readonly env: Env) {}

  raw(name: string): string | undefined {
    if (!this.defaults.has(name)) throw new Error(`${name} is not declared in ENVIRONMENT_VARIABLES`);
    const value = this.env[name];
    return value === undefined || value.trim() === '' ? this.defaults.get(name) : value.trim();
  }

  string(name: string): string {
    return this.raw(name) ?? '';
  }

  /** An invalid value is reported and replaced by `fallback`, so later checks do not pile on. */
  oneOf<T extends string>(name: string, allowed: readonly T[], fallback: T = allowed[0]): T {
    const value = this.string(name);
    if ((allowed as readonly string[]).includes(value)) return value as T;
    this.problems.push(`${name}: must be one of ${allowed.join(', ')}, got "${value}"`);
    return fallback;
  }

  integer(name: string, min: number, max: number): number {
    const value = this.string(name);
    const parsed = /^-?\d+$/.test(value) ? Number(value) : NaN;
    if (Number.isSafeInteger(parsed) && parsed >= min && parsed <= max) return parsed;
    this.problems.push(`${name}: must be an integer from ${min} to ${max}, got "${value}"`);
    return min;
  }

  boolean(name: string): boolean {
    const value = this.string(name).toLowerCase();
    if (['true', '1', 'yes'].includes(value)) return true;
    if (['false', '0', 'no'].includes(value)) return false;
    this.problems.push(`${name}: must be true or false, got "${value}"`);
    return false;
  }

  list(name: string): string[] {
    return (this.raw(name) ?? '')
      .split(',')
      .map((item) => item.trim())
      .filter((item) => item.length > 0);
  }

  url(name: string, protocols: string[]): string | undefined {
    const value = this.raw(name);
    if (value === undefined) return undefined;
    try {
      const url = new URL(value);
      if (protocols.includes(url.protocol)) return value;
    } catch {
      // reported below
    }
    this.problems.push(`${name}: must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`);
    return undefined;
  }
}

const BODY_LIMIT_PATTERN = /^\d+(b|kb|mb)$/i;
const BROKER_PATTERN = /^[A-Za-z0-9.\-_]+:\d{1,5}$/;

/** Validates the environment and returns the configuration, or throws ConfigValidationError naming every problem. */
export function parseEnvironment(env: Env, overrides: { role?: AppRole } = {}): AppConfig {
  const read = new EnvironmentReader(env);

  const nodeEnv = read.oneOf('NODE_ENV', NODE_ENVS);
  const role = overrides.role ?? read.oneOf('APP_ROLE', APP_ROLES, 'both');

  const bodyLimit = read.string('BODY_LIMIT');
  if (!BODY_LIMIT_PATTERN.test(bodyLimit)) {
    read.problems.push(`BODY_LIMIT: must be a size such as 512kb or 1mb, got "${bodyLimit}"`);
  }

  const databaseUrl = read.url('DATABASE_URL', ['postgres:', 'postgresql:']);
  const migrationsRun = read.boolean('DB_MIGRATIONS_RUN');
  const database: AppConfigValues['database'] = databaseUrl
    ? { kind: 'postgres', url: databaseUrl, poolSize: read.integer('DATABASE_POOL_SIZE', 1, 500), migrationsRun }
    : { kind: 'sqlite', path: read.string('SQLITE_PATH'), migrationsRun };

  const redisUrl = read.url('REDIS_URL', ['redis:', 'rediss:']);
  const concurrency = read.integer('QUEUE_CONCURRENCY', 1, 256);
  const queue: AppConfigValues['queue'] = redisUrl
    ? { kind: 'bull', redisUrl, prefix: read.string('QUEUE_PREFIX'), concurrency }
    : { kind: 'memory', concurrency };

  const brokers = read.list('KAFKA_BROKERS');
  for (const broker of brokers) {
    if (!BROKER_PATTERN.test(broker)) read.problems.push(`KAFKA_BROKERS: "${broker}" is not host:port`);
  }
  const outboxPollMs = read.integer('OUTBOX_POLL_MS', 10, 600_000);
  const events: AppConfigValues['events'] =
    brokers.length > 0
      ? {
          kind: 'kafka',
          brokers,
          clientId: read.string('KAFKA_CLIENT_ID'),
          topicPartitions: read.integer('KAFKA_TOPIC_PARTITIONS', 1, 1000),
          replicationFactor: read.integer('KAFKA_REPLICATION_FACTOR', 1, 10),
          outboxPollMs,
        }
      : { kind: 'memory', outboxPollMs };

  // Separate processes share work only through Redis: an in-process queue would strand the jobs.
  if (role !== 'both' && queue.kind === 'memory') {
    read.problems.push(
      `APP_ROLE=${role} needs REDIS_URL: the in-process queue cannot reach a separate ${role === 'api' ? 'worker' : 'API'}`,
    );
  }
  if (role !== 'both' && database.kind === 'sqlite') {
    read.problems.push(`APP_ROLE=${role} needs DATABASE_URL: separate processes cannot share the embedded SQLite file`);
  }
  if (role !== 'both' && events.kind === 'memory') {
    read.problems.push(
      `APP_ROLE=${role} needs KAFKA_BROKERS: the in-process event bus cannot carry events between processes`,
    );
  }

  const config = new AppConfig({
    nodeEnv,
    role,
    http: {
      host: read.string('HOST'),
      port: read.integer('PORT', 0, 65535),
      bodyLimit,
      corsOrigins: read.list('CORS_ORIGINS'),
      trustProxy: read.boolean('TRUST_PROXY'),
      serveDashboard: read.boolean('SERVE_DASHBOARD'),
    },
    log: { level: read.oneOf('LOG_LEVEL', LOG_LEVELS), format: read.oneOf('LOG_FORMAT', LOG_FORMATS) },
    database,
    queue,
    events,
  });

  if (read.problems.length > 0) throw new ConfigValidationError(read.problems);
  return config;
}
