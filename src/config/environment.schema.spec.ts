import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigValidationError, ENVIRONMENT_VARIABLES, parseEnvironment } from './environment.schema';

function problemsOf(env: Record<string, string>): string[] {
  try {
    parseEnvironment(env);
  } catch (error) {
    if (error instanceof ConfigValidationError) return error.problems;
    throw error;
  }
  return [];
}

describe('parseEnvironment', () => {
  it('gives the embedded defaults for an empty environment', () => {
    const config = parseEnvironment({});
    expect(config.role).toBe('both');
    expect(config.http).toEqual({
      host: '0.0.0.0',
      port: 8000,
      bodyLimit: '1mb',
      corsOrigins: [],
      trustProxy: false,
      serveDashboard: true,
    });
    expect(config.database).toEqual({ kind: 'sqlite', path: 'data/portofino.sqlite', migrationsRun: true });
    expect(config.queue).toEqual({ kind: 'memory', concurrency: 4, recoveryMs: 30000 });
    expect(config.events).toEqual({ kind: 'memory', outboxPollMs: 500 });
    expect(config.runsApi && config.runsWorker).toBe(true);
  });

  it('switches each part to its server when its URL is set', () => {
    const config = parseEnvironment({
      DATABASE_URL: 'postgres://u:p@db:5432/portofino',
      REDIS_URL: 'redis://cache:6379',
      KAFKA_BROKERS: 'kafka-1:9092, kafka-2:9092',
      KAFKA_TOPIC_PARTITIONS: '6',
    });
    expect(config.database).toEqual({
      kind: 'postgres',
      url: 'postgres://u:p@db:5432/portofino',
      poolSize: 10,
      migrationsRun: true,
      preparedStatements: true,
    });
    expect(config.queue).toEqual({
      kind: 'bull',
      redisUrl: 'redis://cache:6379',
      prefix: 'portofino',
      concurrency: 4,
      lockMs: 30000,
      stalledCheckMs: 30000,
      enqueueTimeoutMs: 500,
      recoveryMs: 30000,
    });
    expect(config.events).toEqual({
      kind: 'kafka',
      brokers: ['kafka-1:9092', 'kafka-2:9092'],
      clientId: 'portofino',
      topicPartitions: 6,
      replicationFactor: 1,
      outboxPollMs: 500,
    });
  });

  it('names every bad variable, not only the first', () => {
    expect(
      problemsOf({
        PORT: 'eighty',
        APP_ROLE: 'scheduler',
        DATABASE_URL: 'mysql://x',
        REDIS_URL: 'localhost:6379',
        KAFKA_BROKERS: 'kafka:abc',
        BODY_LIMIT: 'huge',
        TRUST_PROXY: 'maybe',
        LOG_LEVEL: 'loud',
      }),
    ).toEqual([
      'APP_ROLE: must be one of api, worker, both, got "scheduler"',
      'BODY_LIMIT: must be a size such as 512kb or 1mb, got "huge"',
      'DATABASE_URL: must be a URL starting with postgres:// or postgresql://',
      'REDIS_URL: must be a URL starting with redis:// or rediss://',
      'KAFKA_BROKERS: "kafka:abc" is not host:port',
      'PORT: must be an integer from 0 to 65535, got "eighty"',
      'TRUST_PROXY: must be true or false, got "maybe"',
      'LOG_LEVEL: must be one of error, warn, log, debug, verbose, got "loud"',
    ]);
  });

  it('refuses a separate api or worker without shared Redis and PostgreSQL', () => {
    expect(problemsOf({ APP_ROLE: 'worker' })).toEqual([
      'APP_ROLE=worker needs REDIS_URL: the in-process queue cannot reach a separate API',
      'APP_ROLE=worker needs DATABASE_URL: separate processes cannot share the embedded SQLite file',
      'APP_ROLE=worker needs KAFKA_BROKERS: the in-process event bus cannot carry events between processes',
    ]);
    const servers = { REDIS_URL: 'redis://r:6379', DATABASE_URL: 'postgres://d/p', KAFKA_BROKERS: 'k:9092' };
    expect(problemsOf({ APP_ROLE: 'api', ...servers })).toEqual([]);
  });

  it('lets the --role flag win over APP_ROLE', () => {
    const env = {
      APP_ROLE: 'both',
      REDIS_URL: 'redis://r:6379',
      DATABASE_URL: 'postgres://d/p',
      KAFKA_BROKERS: 'k:9092',
    };
    expect(parseEnvironment(env, { role: 'worker' }).runsApi).toBe(false);
  });

  it('treats empty values as unset', () => {
    expect(parseEnvironment({ DATABASE_URL: '', PORT: ' ' }).http.port).toBe(8000);
  });
});

describe('.env.example', () => {
  const example = readFileSync(join(__dirname, '..', '..', '.env.example'), 'utf8');

  it.each(ENVIRONMENT_VARIABLES.map((variable) => [variable.name, variable]))(
    'documents %s with its default',
    (_, v) => {
      const line = v.default === undefined ? `# ${v.name}=` : `${v.name}=${v.default}`;
      expect(example.split('\n')).toContain(line);
      expect(example).toContain(`# ${v.description}`);
    },
  );

  it('documents nothing the application does not read', () => {
    const documented = [...example.matchAll(/^#? ?([A-Z][A-Z0-9_]+)=/gm)].map((match) => match[1]);
    expect(documented.sort()).toEqual(ENVIRONMENT_VARIABLES.map((variable) => variable.name).sort());
  });
});
