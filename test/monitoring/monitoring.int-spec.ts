import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Socket } from 'socket.io-client';
import request from 'supertest';
import { testDatabaseUrl, testKafkaBrokers, testRedisUrl, uniqueName, uniquePrefix } from '../harness/test-services';
import {
  Daemon,
  requireBinary,
  startNodeExporter,
  startPostgresExporter,
  startPrometheus,
  startRedisExporter,
  TestPrometheus,
} from '../support/prometheus';
import { ServerProcess, startServerProcess } from '../support/server-process';
import { eventually } from '../support/test-app';
import { connectSocket } from '../support/sockets';
import { signUp, TEST_PASSWORD, TestUser } from '../support/test-users';
import { metricNames } from './promql-names';

jest.setTimeout(180_000);

const ROOT = join(__dirname, '..', '..');
const PROMETHEUS_DIR = join(ROOT, 'docker', 'prometheus');
const DASHBOARD_DIR = join(ROOT, 'docker', 'grafana', 'dashboards');
const DASHBOARDS = ['portofino-service.json', 'portofino-infrastructure.json'];
const ALERTS = readFileSync(join(PROMETHEUS_DIR, 'alerts.yml'), 'utf8');
const APP_PREFIXES = /^(portofino_|http_|process_|nodejs_)/;
const EXPORTER_PREFIXES = /^(node_|redis_|pg_)/;

interface Panel {
  type: string;
  title: string;
  description?: string;
  datasource?: { uid: string };
  targets?: { expr: string }[];
}

function panels(file: string): Panel[] {
  return (JSON.parse(readFileSync(join(DASHBOARD_DIR, file), 'utf8')) as { panels: Panel[] }).panels;
}

const queryPanels = DASHBOARDS.flatMap((file) =>
  panels(file)
    .filter((panel) => panel.type !== 'row')
    .map((panel) => ({ file, ...panel })),
);

describe('monitoring configuration', () => {
  it('passes promtool check config and check rules', () => {
    const promtool = requireBinary('promtool');
    const config = spawnSync(promtool, ['check', 'config', join(PROMETHEUS_DIR, 'prometheus.yml')], {
      encoding: 'utf8',
    });
    expect(`${config.stdout}${config.stderr}`).toContain('SUCCESS: 1 rule files found');
    expect(config.status).toBe(0);
    const rules = spawnSync(promtool, ['check', 'rules', join(PROMETHEUS_DIR, 'alerts.yml')], { encoding: 'utf8' });
    expect(`${rules.stdout}${rules.stderr}`).toContain('SUCCESS: 7 rules found');
    expect(rules.status).toBe(0);
  });

  it('scrapes the API, the worker and every exporter in docker-compose', () => {
    const config = readFileSync(join(PROMETHEUS_DIR, 'prometheus.yml'), 'utf8');
    for (const [job, target] of [
      ['portofino-api', 'api:8000'],
      ['portofino-worker', 'worker:8001'],
      ['node', 'node-exporter:9100'],
      ['redis', 'redis-exporter:9121'],
      ['postgres', 'postgres-exporter:9187'],
      ['kafka', 'kafka:9404'],
    ]) {
      expect(config).toMatch(new RegExp(`job_name: ${job}\\n[\\s\\S]*?targets: \\['${target}'\\]`));
    }
    const resolved = execFileSync('docker-compose', ['-f', 'docker-compose.yml', 'config'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: {
        ...process.env,
        JWT_SECRET: 'compose-validation-secret-0123456789abcdef',
        GRAFANA_ADMIN_PASSWORD: 's3cret',
      },
    });
    for (const service of ['node-exporter:', 'redis-exporter:', 'postgres-exporter:', 'kafka-jmx-agent:'])
      expect(resolved).toContain(service);
    expect(resolved).toContain(
      'https://repo1.maven.org/maven2/io/prometheus/jmx/jmx_prometheus_javaagent/1.0.1/jmx_prometheus_javaagent-1.0.1.jar',
    );
    expect(resolved).toContain('-javaagent:/opt/jmx-exporter/jmx_prometheus_javaagent.jar=9404');
    expect(resolved).toContain('GF_SECURITY_ADMIN_PASSWORD: s3cret');
    expect(resolved).toContain('/var/lib/grafana/dashboards');
  });

  it('has two dashboards whose every panel says what it answers, on the provisioned datasource', () => {
    expect(
      DASHBOARDS.map(
        (file) => (JSON.parse(readFileSync(join(DASHBOARD_DIR, file), 'utf8')) as { title: string }).title,
      ),
    ).toEqual(['PortoFino — service', 'PortoFino — infrastructure']);
    expect(queryPanels.length).toBeGreaterThanOrEqual(30);
    for (const panel of queryPanels) {
      expect({ panel: panel.title, description: (panel.description ?? '').length > 20 }).toEqual({
        panel: panel.title,
        description: true,
      });
      expect(panel.datasource?.uid).toBe('prometheus');
      expect(panel.targets?.length).toBeGreaterThan(0);
    }
    const datasource = readFileSync(
      join(ROOT, 'docker', 'grafana', 'provisioning', 'datasources', 'prometheus.yml'),
      'utf8',
    );
    expect(datasource).toContain('uid: prometheus');
  });

  it('finds the metric names of an expression (the helper the next suite relies on)', () => {
    expect(
      metricNames(
        'histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{job="a",route!="/x"}[5m]))) > 1',
      ),
    ).toEqual(['http_request_duration_seconds_bucket']);
    expect(metricNames('up{job="w"} == 0 or absent(up{job="w"})')).toEqual(['up']);
    expect(metricNames('1 - node_memory_MemAvailable_bytes / node_memory_MemTotal_bytes')).toEqual([
      'node_memory_MemAvailable_bytes',
      'node_memory_MemTotal_bytes',
    ]);
  });
});

/**
 * The app (API and worker as separate processes on the harness's PostgreSQL, Redis and Kafka), the Debian
 * exporters and a throw-away Prometheus scraping them every second with alerts.yml loaded (`for:` shortened
 * to 0s so a provoked condition fires at the next evaluation).
 */
describe('metrics on a real Prometheus', () => {
  let env: Record<string, string>;
  let api: ServerProcess;
  let worker: ServerProcess;
  const exporters: Daemon[] = [];
  let prometheus: TestPrometheus;
  let alice: TestUser;
  const sockets: Socket[] = [];
  const reportsDir = mkdtempSync(join(tmpdir(), 'portofino-monitoring-reports-'));

  beforeAll(async () => {
    for (const binary of [
      'prometheus',
      'prometheus-node-exporter',
      'prometheus-redis-exporter',
      'prometheus-postgres-exporter',
    ])
      requireBinary(binary);
    const databaseUrl = await testDatabaseUrl('monitoring');
    env = {
      DATABASE_URL: databaseUrl,
      REDIS_URL: testRedisUrl(),
      QUEUE_PREFIX: uniquePrefix('monitoring'),
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_CLIENT_ID: uniqueName('portofino'),
      OUTBOX_POLL_MS: '100',
      AUTH_THROTTLE_LIMIT: '1000',
      MARKET_DATA_PROVIDERS: 'sample',
      LOG_LEVEL: 'warn',
      JWT_SECRET: 'monitoring-test-secret-that-is-long-enough-0123456789',
      REPORTS_DIR: reportsDir,
    };
    // The API migrates the database; the worker starts once it has.
    api = await startServerProcess(env, ['--role=api']);
    const [started, node, redis, postgres] = await Promise.all([
      startServerProcess({ ...env, DB_MIGRATIONS_RUN: 'false' }, ['--role=worker']),
      startNodeExporter(),
      startRedisExporter(testRedisUrl()),
      startPostgresExporter(databaseUrl),
    ]);
    worker = started;
    exporters.push(node, redis, postgres);
    prometheus = await startPrometheus(
      [
        { job: 'portofino-api', url: api.url },
        { job: 'portofino-worker', url: worker.url },
        { job: 'node', url: node.url },
        { job: 'redis', url: redis.url },
        { job: 'postgres', url: postgres.url },
      ],
      ALERTS.replace(/for: \d+[smh]/g, 'for: 0s'),
    );
    alice = await signUp(api.url, 'alice');
  });

  afterAll(async () => {
    for (const socket of sockets) socket.disconnect();
    await prometheus?.stop();
    await Promise.all([worker?.stop(), ...exporters.map((exporter) => exporter.stop())]);
    await api?.stop();
    rmSync(reportsDir, { recursive: true, force: true });
  });

  /** The exported metric names of the jobs matching `jobs` (a regex), as Prometheus stored them. */
  async function exportedNames(jobs: string): Promise<Set<string>> {
    const body = await prometheus.get<{ data: string[] }>(
      `/api/v1/label/__name__/values?match[]=${encodeURIComponent(`{job=~"${jobs}"}`)}`,
    );
    return new Set(body.data);
  }

  async function value(expr: string): Promise<number | undefined> {
    const result = await prometheus.query(expr);
    const sample = result.data?.result[0];
    return sample ? Number(sample.value[1]) : undefined;
  }

  async function settled(id: string): Promise<string> {
    return eventually(
      async () => {
        const detail = await request(api.url).get(`/history/${id}`).set('Authorization', alice.bearer);
        const status = (detail.body as { status: string }).status;
        return status === 'completed' || status === 'failed' ? status : undefined;
      },
      60_000,
      `simulation ${id} to finish`,
    );
  }

  it('records real traffic: simulations, failures by reason, a report, sign-ins, phases, queues, cache and provider', async () => {
    const socket = await connectSocket(api.url, '/simulations', alice.accessToken);
    sockets.push(socket);
    const good = await request(api.url)
      .post('/simulate')
      .set('Authorization', alice.bearer)
      .send({ command: 'AAPL-L-50% MSFT-L-50% 2020-01-01 2022-12-28' })
      .expect(202);
    const failing = await request(api.url)
      .post('/simulate')
      .set('Authorization', alice.bearer)
      .send({ command: 'ZZZZ-L-100% 2020-01-01 2022-12-28' })
      .expect(202);
    expect(await settled(good.body.simulationId as string)).toBe('completed');
    expect(await settled(failing.body.simulationId as string)).toBe('failed');
    const report = await request(api.url)
      .post('/report')
      .set('Authorization', alice.bearer)
      .send({ simulationId: good.body.simulationId as string })
      .expect(202);
    const reportId = report.body.reportId as string;
    const built = await eventually(
      async () => {
        const response = await request(api.url).get(`/report/${reportId}`).set('Authorization', alice.bearer);
        return ['completed', 'failed'].includes(response.body.status) ? response.body : undefined;
      },
      60_000,
      `report ${reportId} to finish`,
    );
    expect(built.status).toBe('completed');
    const login = await request(api.url)
      .post('/auth/login')
      .send({ email: alice.email, password: TEST_PASSWORD })
      .expect(200);
    // A retired refresh token presented again: reuse detected.
    const refreshToken = login.body.refreshToken as string;
    await request(api.url).post('/auth/refresh').send({ refreshToken }).expect(200);
    await request(api.url).post('/auth/refresh').send({ refreshToken }).expect(401);
    for (const password of ['wrong password one', 'wrong password two'])
      await request(api.url).post('/auth/login').send({ email: alice.email, password }).expect(401);

    const expected: [string, number][] = [
      ['sum(portofino_simulations_requested_total)', 2],
      ['sum(portofino_simulations_completed_total)', 1],
      ['sum(portofino_simulations_failed_total{reason="input"})', 1],
      ['sum(portofino_simulations_failed_total{reason!="input"})', 0],
      ['sum(portofino_auth_logins_total{outcome="succeeded"})', 1],
      ['sum(portofino_auth_logins_total{outcome="failed"})', 2],
      ['sum(portofino_auth_refresh_token_reuse_total)', 1],
      ['sum(portofino_socket_clients{job="portofino-api",namespace="/simulations"})', 1],
      ['sum(portofino_simulation_phase_duration_seconds_count{phase="saving"})', 1],
      // The failing simulation failed while fetching prices: an unfinished phase is not timed.
      ['sum(portofino_simulation_phase_duration_seconds_count{phase="fetching_prices"})', 1],
      ['sum(portofino_queue_wait_seconds_count{queue="simulations"})', 2],
      ['sum(portofino_reports_requested_total)', 1],
      ['sum(portofino_reports_completed_total)', 1],
      ['sum(portofino_reports_failed_total)', 0],
      ['sum(portofino_report_phase_duration_seconds_count{phase="building"})', 1],
      ['sum(portofino_report_workbook_bytes_count)', 1],
      ['sum(portofino_queue_wait_seconds_count{queue="reports"})', 1],
      ['sum(portofino_market_data_provider_errors_total{provider="sample"})', 0],
      ['max(portofino_outbox_unpublished_events)', 0],
      ['max(portofino_queue_jobs{queue="simulations",state="waiting"})', 0],
    ];
    const seen = await eventually(
      async () => {
        const values = await Promise.all(expected.map(async ([expr]) => [expr, await value(expr)] as const));
        return values.every(([expr, got]) => got === expected.find(([e]) => e === expr)?.[1]) ? values : undefined;
      },
      30_000,
      'the traffic in Prometheus',
    ).catch(async (error: Error) => {
      const values = await Promise.all(expected.map(async ([expr]) => [expr, await value(expr)]));
      throw new Error(`${error.message}\n${JSON.stringify(values, null, 1)}`);
    });
    expect(seen.map(([expr, got]) => [expr, got])).toEqual(expected);
    // The worker ran the simulations and consumed nothing; the API's gateway forwarded their events.
    expect(await value('sum(portofino_simulations_completed_total{job="portofino-worker"})')).toBe(1);
    expect(
      await value('sum(portofino_gateway_events_consumed_total{job="portofino-api",namespace="/simulations"})'),
    ).toBeGreaterThan(0);
    expect(await value('sum(portofino_market_data_cache_lookups_total)')).toBeGreaterThan(0);
    expect(await value('sum(portofino_report_workbook_bytes_sum)')).toBe(Number(built.sizeBytes));
    expect(
      await value('sum(portofino_market_data_provider_request_duration_seconds_count{provider="sample"})'),
    ).toBeGreaterThan(0);
  });

  it('answers every dashboard panel: each query parses, app and exporter panels return data, every metric is exported', async () => {
    // Rates need two scrapes after the traffic above.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const appNames = await exportedNames('portofino-.*');
    const exporterNames = await exportedNames('node|redis|postgres');
    const problems: string[] = [];
    for (const panel of queryPanels) {
      for (const { expr } of panel.targets ?? []) {
        const where = `${panel.file} "${panel.title}": ${expr}`;
        const result = await prometheus.query(expr);
        if (result.status !== 'success') {
          problems.push(`${where}: ${result.errorType} ${result.error}`);
          continue;
        }
        const names = metricNames(expr);
        for (const name of names) {
          if (APP_PREFIXES.test(name) && !appNames.has(name))
            problems.push(`${where}: the app does not export ${name}`);
          if (EXPORTER_PREFIXES.test(name) && !exporterNames.has(name))
            problems.push(`${where}: no exporter exports ${name}`);
          if (!APP_PREFIXES.test(name) && !EXPORTER_PREFIXES.test(name) && name !== 'up' && !name.startsWith('kafka_'))
            problems.push(`${where}: unexpected metric ${name}`);
        }
        // Kafka's JMX exporter runs in docker-compose only: its panels must parse, they cannot have data here.
        const aboutKafka = expr.includes('job="kafka"');
        if (!aboutKafka && (result.data?.result.length ?? 0) === 0) problems.push(`${where}: no data`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('evaluates every alert rule: loaded by Prometheus, parses, names exported metrics, quiet while healthy', async () => {
    const rules = await prometheus.get<{
      data: { groups: { rules: { name: string; query: string; health: string; state: string }[] }[] };
    }>('/api/v1/rules');
    const loaded = rules.data.groups.flatMap((group) => group.rules);
    expect(loaded.map((rule) => rule.name).sort()).toEqual(
      [...ALERTS.matchAll(/- alert: (\S+)/g)].map((match) => match[1]).sort(),
    );
    expect(loaded.map((rule) => rule.name).sort()).toEqual([
      'PortoFinoApiDown',
      'PortoFinoHighErrorRatio',
      'PortoFinoHighLatencyP99',
      'PortoFinoOutboxLagging',
      'PortoFinoQueueBacklogGrowing',
      'PortoFinoSimulationFailureRatio',
      'PortoFinoWorkerAbsent',
    ]);
    const appNames = await exportedNames('portofino-.*');
    for (const rule of loaded) {
      const result = await prometheus.query(rule.query);
      expect({ rule: rule.name, status: result.status, error: result.error }).toEqual({
        rule: rule.name,
        status: 'success',
        error: undefined,
      });
      for (const name of metricNames(rule.query)) {
        expect({ rule: rule.name, name, exported: name === 'up' || appNames.has(name) }).toEqual({
          rule: rule.name,
          name,
          exported: true,
        });
      }
      // Healthy system, real traffic: no condition holds. (p99 latency depends on how busy this machine is:
      // sign-ups hash passwords; that rule is only evaluated here.)
      if (rule.name !== 'PortoFinoHighLatencyP99')
        expect({ rule: rule.name, firing: result.data?.result.length }).toEqual({ rule: rule.name, firing: 0 });
    }
    await eventually(
      async () => {
        const again = await prometheus.get<typeof rules>('/api/v1/rules');
        const all = again.data.groups.flatMap((group) => group.rules);
        return all.every((rule) => rule.health === 'ok') ? all : undefined;
      },
      10_000,
      'every rule evaluated with health ok',
    );
  });

  it('keeps HTTP series bounded: 1,000 distinct unknown URLs add no series', async () => {
    const series = async () =>
      (await request(api.url).get('/metrics')).text
        .split('\n')
        .filter((line) => line.startsWith('http_request_duration_seconds_count'));
    await request(api.url).get('/no/such/page').expect(404);
    const before = await series();
    for (let batch = 0; batch < 50; batch += 1) {
      await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          fetch(`${api.url}/unknown/${batch}-${i}/${Math.random().toString(36).slice(2)}`),
        ),
      );
    }
    const after = await series();
    expect(after.map((line) => line.split(' ')[0])).toEqual(before.map((line) => line.split(' ')[0]));
    const unmatched = after.find((line) => line.includes('route="unmatched"') && line.includes('status_class="4xx"'));
    const unmatchedBefore = before.find(
      (line) => line.includes('route="unmatched"') && line.includes('status_class="4xx"'),
    );
    expect(Number(unmatched?.split(' ')[1]) - Number(unmatchedBefore?.split(' ')[1])).toBe(1000);
    // And in Prometheus: one unmatched series for the API, whatever the URLs were.
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(
      await value(
        'count(http_request_duration_seconds_count{job="portofino-api",route="unmatched",status_class="4xx"})',
      ),
    ).toBe(1);
  });

  it('fires PortoFinoWorkerAbsent when the worker stops', async () => {
    const rule = 'absent(up{job="portofino-worker"} == 1)';
    expect((await prometheus.query(rule)).data?.result).toEqual([]);
    await worker.stop();
    await eventually(
      async () => ((await prometheus.query(rule)).data?.result.length === 1 ? true : undefined),
      20_000,
      'the worker-absent condition',
    );
    const firing = await eventually(
      async () => {
        const alerts = await prometheus.get<{ data: { alerts: { labels: { alertname: string }; state: string }[] } }>(
          '/api/v1/alerts',
        );
        return alerts.data.alerts.find(
          (alert) => alert.labels.alertname === 'PortoFinoWorkerAbsent' && alert.state === 'firing',
        );
      },
      20_000,
      'PortoFinoWorkerAbsent firing',
    );
    expect(firing.labels).toMatchObject({ alertname: 'PortoFinoWorkerAbsent', severity: 'critical' });
    const others = await prometheus.get<{ data: { alerts: { labels: { alertname: string } }[] } }>('/api/v1/alerts');
    expect(
      others.data.alerts.map((alert) => alert.labels.alertname).filter((name) => name !== 'PortoFinoHighLatencyP99'),
    ).toEqual(['PortoFinoWorkerAbsent']);
  });
});
