/**
 * The application's configuration, parsed and validated once at start-up from the environment.
 * Nothing else in the code base reads process.env: inject AppConfig instead.
 */
export const NODE_ENVS = ['development', 'production', 'test'] as const;
export type NodeEnv = (typeof NODE_ENVS)[number];

export const APP_ROLES = ['api', 'worker', 'both'] as const;
export type AppRole = (typeof APP_ROLES)[number];

export const LOG_LEVELS = ['error', 'warn', 'log', 'debug', 'verbose'] as const;
export type LogLevelName = (typeof LOG_LEVELS)[number];

export const LOG_FORMATS = ['json', 'pretty'] as const;
export type LogFormat = (typeof LOG_FORMATS)[number];

export type DatabaseConfig =
  | {
      kind: 'postgres';
      url: string;
      poolSize: number;
      migrationsRun: boolean;
      /** Named prepared statements (default true; false behind a pooler that cannot keep them). */
      preparedStatements?: boolean;
    }
  | { kind: 'sqlite'; path: string; migrationsRun: boolean };

export type QueueConfig =
  | {
      kind: 'bull';
      redisUrl: string;
      prefix: string;
      concurrency: number;
      lockMs: number;
      stalledCheckMs: number;
      /** Longest wait for Redis to store a job before the producer goes on without it (the sweep enqueues it). */
      enqueueTimeoutMs: number;
      /** Interval of the recovery sweep (JobRecovery) in each worker. */
      recoveryMs: number;
    }
  | { kind: 'memory'; concurrency: number; recoveryMs: number };

export type EventsConfig =
  | {
      kind: 'kafka';
      brokers: string[];
      clientId: string;
      topicPartitions: number;
      replicationFactor: number;
      outboxPollMs: number;
    }
  | { kind: 'memory'; outboxPollMs: number };

export interface HttpConfig {
  host: string;
  port: number;
  bodyLimit: string;
  corsOrigins: string[];
  trustProxy: boolean;
  serveDashboard: boolean;
}

export interface GoogleOAuthConfig {
  clientId: string;
  clientSecret: string;
  /** Absolute URL, or a path resolved against the incoming request. */
  callbackUrl: string;
  authUrl: string;
  tokenUrl: string;
  userInfoUrl: string;
}

export interface AuthConfig {
  jwt: {
    /** Configured secret; undefined: resolved at start-up (file in production, random otherwise). */
    secret: string | undefined;
    secretFile: string;
    issuer: string;
    audience: string;
    accessTtlSeconds: number;
  };
  refreshTtlSeconds: number;
  throttle: { limit: number; ttlSeconds: number };
  /** null: Google sign-in disabled (no GOOGLE_CLIENT_ID). */
  google: GoogleOAuthConfig | null;
}

export const MARKET_DATA_PROVIDER_NAMES = ['yahoo', 'sample'] as const;
export type MarketDataProviderName = (typeof MARKET_DATA_PROVIDER_NAMES)[number];

export interface MarketDataConfig {
  /** Sources to try, in order (uploads are always served to their owner, whatever this says). */
  providers: MarketDataProviderName[];
  yahoo: { baseUrl: string; timeoutMs: number; retries: number; concurrency: number; offlineSeconds: number };
  /** Redis when the queue runs on Redis (REDIS_URL), an in-process LRU of `memorySeries` series otherwise. */
  cache: { redisPrefix: string; redisTtlSeconds: number; memorySeries: number };
  uploadLimit: string;
}

export interface SimulationConfig {
  /** Least time between two progress updates of one simulation; 0 reports every phase. */
  progressIntervalMs: number;
}

export interface StudyConfig {
  /** Threads a worker process backtests a chunk on (ParallelBatchRunner worker threads). */
  threads: number;
  /** Candidates per chunk job. */
  chunkSize: number;
}

export interface AppConfigValues {
  nodeEnv: NodeEnv;
  role: AppRole;
  http: HttpConfig;
  log: { level: LogLevelName; format: LogFormat };
  simulation: SimulationConfig;
  study: StudyConfig;
  database: DatabaseConfig;
  queue: QueueConfig;
  events: EventsConfig;
  auth: AuthConfig;
  marketData: MarketDataConfig;
  /** Where report workbooks are stored (local directory; ReportStorage hides it). */
  reports: { dir: string };
  /** The public shared-link routes' rate limit (per client address). */
  sharing: { throttle: { limit: number; ttlSeconds: number } };
}

/** Injectable, frozen snapshot of the validated configuration. */
export class AppConfig implements AppConfigValues {
  readonly nodeEnv!: NodeEnv;
  readonly role!: AppRole;
  readonly http!: HttpConfig;
  readonly log!: { level: LogLevelName; format: LogFormat };
  readonly simulation!: SimulationConfig;
  readonly study!: StudyConfig;
  readonly database!: DatabaseConfig;
  readonly queue!: QueueConfig;
  readonly events!: EventsConfig;
  readonly auth!: AuthConfig;
  readonly marketData!: MarketDataConfig;
  readonly reports!: { dir: string };
  readonly sharing!: { throttle: { limit: number; ttlSeconds: number } };

  constructor(values: AppConfigValues) {
    Object.assign(this, values);
    Object.freeze(this);
  }

  get runsApi(): boolean {
    return this.role === 'api' || this.role === 'both';
  }

  get runsWorker(): boolean {
    return this.role === 'worker' || this.role === 'both';
  }
}
