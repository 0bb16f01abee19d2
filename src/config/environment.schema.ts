import {
  APP_ROLES,
  AppConfig,
  AppRole,
  LOG_FORMATS,
  LOG_LEVELS,
  MARKET_DATA_PROVIDER_NAMES,
  NODE_ENVS,
  type AppConfigValues,
  type MarketDataProviderName,
} from './app-config';

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
    name: 'DATABASE_PREPARED_STATEMENTS',
    default: 'true',
    description: 'PostgreSQL: prepare each statement once per connection (false behind PgBouncer in transaction mode)',
  },
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
  {
    name: 'QUEUE_PREFIX',
    default: 'portofino',
    description: 'Redis key prefix of the Bull queues (and of the sign-in rate limits, under <prefix>:auth)',
  },
  { name: 'QUEUE_CONCURRENCY', default: '4', description: 'jobs a worker runs at once per queue' },
  {
    name: 'QUEUE_LOCK_MS',
    default: '30000',
    description: "Bull job lock: a crashed worker's job counts as stalled once its lock expires",
  },
  {
    name: 'QUEUE_STALLED_CHECK_MS',
    default: '30000',
    description: 'how often Bull looks for stalled jobs (of crashed workers) to run them again',
  },
  {
    name: 'QUEUE_ENQUEUE_TIMEOUT_MS',
    default: '500',
    description:
      'longest wait for Redis to store a job; past it the request is answered anyway (the row is durable) and the recovery sweep enqueues the job',
  },
  {
    name: 'QUEUE_RECOVERY_MS',
    default: '30000',
    description:
      'how often each worker re-enqueues simulations and reports left queued or running without a live job (Redis lost it) and fails those whose workers crashed too often',
  },
  {
    name: 'KAFKA_BROKERS',
    default: undefined,
    description: 'comma-separated host:port list enables Kafka events; unset: in-process event bus',
  },
  { name: 'KAFKA_CLIENT_ID', default: 'portofino', description: 'kafkajs client id' },
  { name: 'KAFKA_TOPIC_PARTITIONS', default: '3', description: 'partitions of topics created at start-up' },
  { name: 'KAFKA_REPLICATION_FACTOR', default: '1', description: 'replication factor of topics created at start-up' },
  {
    name: 'SIMULATION_PROGRESS_MS',
    default: '250',
    description:
      'least time between two progress updates of a simulation (0: every phase); faster phases are not reported',
  },
  {
    name: 'STUDY_THREADS',
    default: '2',
    description:
      'threads each worker process backtests a study chunk on (worker threads; the event loop stays free); at most the cores',
  },
  {
    name: 'STUDY_CHUNK_SIZE',
    default: '4096',
    description: 'candidates per study chunk: one queue job each, taken by any worker process (8 to 100000)',
  },
  { name: 'OUTBOX_POLL_MS', default: '500', description: 'how often the outbox relay looks for unpublished events' },
  {
    name: 'JWT_SECRET',
    default: undefined,
    description:
      'HMAC secret of access tokens, at least 32 bytes (openssl rand -base64 48); unset: production reads or creates JWT_SECRET_FILE, development/test use a random one per start',
  },
  {
    name: 'JWT_SECRET_FILE',
    default: 'data/.jwt-secret',
    description: 'where production keeps a generated secret when JWT_SECRET is unset (created once, mode 0600)',
  },
  { name: 'JWT_ISSUER', default: 'portofino', description: 'iss claim of access tokens (checked on every request)' },
  {
    name: 'JWT_AUDIENCE',
    default: 'portofino-api',
    description: 'aud claim of access tokens (checked on every request)',
  },
  { name: 'JWT_ACCESS_TTL_SECONDS', default: '900', description: 'lifetime of an access token' },
  {
    name: 'REFRESH_TOKEN_TTL_DAYS',
    default: '30',
    description: 'lifetime of a refresh token (each refresh issues a new one)',
  },
  {
    name: 'AUTH_THROTTLE_LIMIT',
    default: '10',
    description:
      'within AUTH_THROTTLE_TTL_SECONDS: sign-ins and registrations per client IP, failed sign-ins per account, invalid refresh tokens per client IP (in Redis when REDIS_URL is set)',
  },
  { name: 'AUTH_THROTTLE_TTL_SECONDS', default: '60', description: 'window of AUTH_THROTTLE_LIMIT' },
  { name: 'GOOGLE_CLIENT_ID', default: undefined, description: 'OAuth client id; unset: Google sign-in is disabled' },
  {
    name: 'GOOGLE_CLIENT_SECRET',
    default: undefined,
    description: 'OAuth client secret (required with GOOGLE_CLIENT_ID)',
  },
  {
    name: 'GOOGLE_CALLBACK_URL',
    default: '/auth/google/callback',
    description:
      'redirect URI registered with Google; a path is resolved against the request (set the full URL in production)',
  },
  {
    name: 'GOOGLE_AUTH_URL',
    default: 'https://accounts.google.com/o/oauth2/v2/auth',
    description: 'Google authorization endpoint',
  },
  { name: 'GOOGLE_TOKEN_URL', default: 'https://oauth2.googleapis.com/token', description: 'Google token endpoint' },
  {
    name: 'GOOGLE_USERINFO_URL',
    default: 'https://openidconnect.googleapis.com/v1/userinfo',
    description: 'Google OpenID Connect userinfo endpoint',
  },
  {
    name: 'MARKET_DATA_PROVIDERS',
    default: 'yahoo,sample',
    description:
      'price sources to try, in order (yahoo, sample); offline, yahoo fails fast and the next one (the bundled sample data) serves',
  },
  {
    name: 'YAHOO_BASE_URL',
    default: 'https://query2.finance.yahoo.com',
    description: 'Yahoo Finance API origin (a mirror or proxy; tests point it at a local stub)',
  },
  { name: 'YAHOO_TIMEOUT_MS', default: '8000', description: 'time limit of one Yahoo request, connection included' },
  {
    name: 'YAHOO_RETRIES',
    default: '2',
    description: 'retries of a Yahoo request after a transient error (back-off 250 ms × 4^n)',
  },
  { name: 'YAHOO_CONCURRENCY', default: '4', description: 'Yahoo requests in flight at once, per process' },
  {
    name: 'YAHOO_OFFLINE_SECONDS',
    default: '300',
    description: 'after Yahoo could not be reached, skip it (serve the next source) for this long',
  },
  {
    name: 'MARKET_DATA_CACHE_PREFIX',
    default: 'portofino:prices',
    description: 'Redis key prefix of cached price series (used when REDIS_URL is set)',
  },
  {
    name: 'MARKET_DATA_CACHE_TTL_SECONDS',
    default: '86400',
    description: 'how long a price series stays in the Redis cache',
  },
  {
    name: 'MARKET_DATA_MEMORY_CACHE_SERIES',
    default: '200',
    description: 'price series kept in the in-process LRU cache when REDIS_URL is unset',
  },
  {
    name: 'MARKET_DATA_UPLOAD_LIMIT',
    default: '5mb',
    description: 'largest CSV accepted by POST /assets/{ticker}/prices',
  },
  {
    name: 'REPORTS_DIR',
    default: 'data/reports',
    description: 'directory of generated report workbooks (a volume in docker-compose)',
  },
  {
    name: 'SHARED_THROTTLE_LIMIT',
    default: '120',
    description:
      'within SHARED_THROTTLE_TTL_SECONDS: requests to the public shared-link routes (/shared/...) per client IP (in Redis when REDIS_URL is set)',
  },
  { name: 'SHARED_THROTTLE_TTL_SECONDS', default: '60', description: 'window of SHARED_THROTTLE_LIMIT' },
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

/** Shortest accepted JWT_SECRET in bytes: 256 bits for HS256 (RFC 7518 section 3.2). */
export const MIN_JWT_SECRET_BYTES = 32;

/** Access tokens, refresh tokens, rate limits and Google OAuth (issue 5). */
function parseAuth(read: EnvironmentReader, nodeEnv: AppConfigValues['nodeEnv']): AppConfigValues['auth'] {
  const secret = read.raw('JWT_SECRET');
  // Outside production a short secret is accepted with a warning at start-up (AuthModule); production refuses it.
  if (secret !== undefined && Buffer.byteLength(secret, 'utf8') < MIN_JWT_SECRET_BYTES && nodeEnv === 'production') {
    read.problems.push(
      `JWT_SECRET: must be at least ${MIN_JWT_SECRET_BYTES} bytes in production, got ${Buffer.byteLength(secret, 'utf8')} (openssl rand -base64 48 makes one; or unset it to use JWT_SECRET_FILE)`,
    );
  }
  const googleClientId = read.raw('GOOGLE_CLIENT_ID');
  const googleClientSecret = read.raw('GOOGLE_CLIENT_SECRET');
  if (googleClientId !== undefined && googleClientSecret === undefined) {
    read.problems.push('GOOGLE_CLIENT_SECRET: required when GOOGLE_CLIENT_ID is set');
  }
  const httpUrl = (name: string) => read.url(name, ['http:', 'https:']) ?? '';
  const callbackUrl = read.string('GOOGLE_CALLBACK_URL');
  if (!callbackUrl.startsWith('/')) httpUrl('GOOGLE_CALLBACK_URL');
  const google = {
    clientId: googleClientId ?? '',
    clientSecret: googleClientSecret ?? '',
    callbackUrl,
    authUrl: httpUrl('GOOGLE_AUTH_URL'),
    tokenUrl: httpUrl('GOOGLE_TOKEN_URL'),
    userInfoUrl: httpUrl('GOOGLE_USERINFO_URL'),
  };
  return {
    jwt: {
      secret,
      secretFile: read.string('JWT_SECRET_FILE'),
      issuer: read.string('JWT_ISSUER'),
      audience: read.string('JWT_AUDIENCE'),
      accessTtlSeconds: read.integer('JWT_ACCESS_TTL_SECONDS', 30, 86_400),
    },
    refreshTtlSeconds: read.integer('REFRESH_TOKEN_TTL_DAYS', 1, 365) * 86_400,
    throttle: {
      limit: read.integer('AUTH_THROTTLE_LIMIT', 1, 100_000),
      ttlSeconds: read.integer('AUTH_THROTTLE_TTL_SECONDS', 1, 86_400),
    },
    google: googleClientId !== undefined ? google : null,
  };
}

/** Price sources, Yahoo's client limits and the series cache (issue 4). */
function parseMarketData(read: EnvironmentReader): AppConfigValues['marketData'] {
  const providers = read.list('MARKET_DATA_PROVIDERS');
  const known = providers.filter((name): name is MarketDataProviderName =>
    (MARKET_DATA_PROVIDER_NAMES as readonly string[]).includes(name),
  );
  if (providers.length === 0 || known.length !== providers.length || new Set(known).size !== known.length) {
    read.problems.push(
      `MARKET_DATA_PROVIDERS: must list one or more of ${MARKET_DATA_PROVIDER_NAMES.join(', ')} without repeats, got "${providers.join(',')}"`,
    );
  }
  const uploadLimit = read.string('MARKET_DATA_UPLOAD_LIMIT');
  if (!BODY_LIMIT_PATTERN.test(uploadLimit)) {
    read.problems.push(`MARKET_DATA_UPLOAD_LIMIT: must be a size such as 512kb or 5mb, got "${uploadLimit}"`);
  }
  const baseUrl = read.url('YAHOO_BASE_URL', ['http:', 'https:']) ?? '';
  return {
    providers: known,
    yahoo: {
      baseUrl: baseUrl.replace(/\/+$/, ''),
      timeoutMs: read.integer('YAHOO_TIMEOUT_MS', 100, 600_000),
      retries: read.integer('YAHOO_RETRIES', 0, 10),
      concurrency: read.integer('YAHOO_CONCURRENCY', 1, 64),
      offlineSeconds: read.integer('YAHOO_OFFLINE_SECONDS', 0, 86_400),
    },
    cache: {
      redisPrefix: read.string('MARKET_DATA_CACHE_PREFIX'),
      redisTtlSeconds: read.integer('MARKET_DATA_CACHE_TTL_SECONDS', 1, 31_536_000),
      memorySeries: read.integer('MARKET_DATA_MEMORY_CACHE_SERIES', 1, 100_000),
    },
    uploadLimit,
  };
}

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
    ? {
        kind: 'postgres',
        url: databaseUrl,
        poolSize: read.integer('DATABASE_POOL_SIZE', 1, 500),
        migrationsRun,
        preparedStatements: read.boolean('DATABASE_PREPARED_STATEMENTS'),
      }
    : { kind: 'sqlite', path: read.string('SQLITE_PATH'), migrationsRun };

  const redisUrl = read.url('REDIS_URL', ['redis:', 'rediss:']);
  const concurrency = read.integer('QUEUE_CONCURRENCY', 1, 256);
  const recoveryMs = read.integer('QUEUE_RECOVERY_MS', 500, 3_600_000);
  const queue: AppConfigValues['queue'] = redisUrl
    ? {
        kind: 'bull',
        redisUrl,
        prefix: read.string('QUEUE_PREFIX'),
        concurrency,
        lockMs: read.integer('QUEUE_LOCK_MS', 1000, 3_600_000),
        stalledCheckMs: read.integer('QUEUE_STALLED_CHECK_MS', 1000, 3_600_000),
        enqueueTimeoutMs: read.integer('QUEUE_ENQUEUE_TIMEOUT_MS', 50, 60_000),
        recoveryMs,
      }
    : { kind: 'memory', concurrency, recoveryMs };

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

  const auth = parseAuth(read, nodeEnv);
  const marketData = parseMarketData(read);
  const reports: AppConfigValues['reports'] = { dir: read.string('REPORTS_DIR') };
  const sharing: AppConfigValues['sharing'] = {
    throttle: {
      limit: read.integer('SHARED_THROTTLE_LIMIT', 1, 1_000_000),
      ttlSeconds: read.integer('SHARED_THROTTLE_TTL_SECONDS', 1, 86_400),
    },
  };

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
    simulation: { progressIntervalMs: read.integer('SIMULATION_PROGRESS_MS', 0, 60_000) },
    study: { threads: read.integer('STUDY_THREADS', 1, 64), chunkSize: read.integer('STUDY_CHUNK_SIZE', 8, 100_000) },
    database,
    queue,
    events,
    auth,
    marketData,
    reports,
    sharing,
  });

  if (read.problems.length > 0) throw new ConfigValidationError(read.problems);
  return config;
}
