import { register } from 'prom-client';
import type { Server } from 'socket.io';
import type { JobQueues, QueueCounts } from '../../queue/job-queues';
import { MetricsCollector } from './metrics.collector';
import type { MetricsRepository } from './metrics.repository';
import { METRIC, MetricsService } from './metrics.service';

/** The value of one series of a metric in the process-wide registry (undefined when absent). */
async function value(name: string, labels: Record<string, string> = {}, suffix = ''): Promise<number | undefined> {
  const metric = register.getSingleMetric(name);
  if (!metric) return undefined;
  const { values } = await metric.get();
  return values.find(
    (one) =>
      ((one as { metricName?: string }).metricName ?? name) === `${name}${suffix}` &&
      Object.entries(labels).every(([key, expected]) => one.labels[key] === expected),
  )?.value;
}

describe('MetricsService', () => {
  beforeEach(() => register.resetMetrics());

  it('shares one set of metrics between instances (several apps in one process)', async () => {
    new MetricsService().simulationRequested();
    new MetricsService().simulationRequested();
    expect(await value(METRIC.simulationsRequested)).toBe(2);
  });

  it('counts outcomes by class, never by message', async () => {
    const metrics = new MetricsService();
    metrics.simulationCompleted();
    metrics.simulationFailed('input');
    metrics.simulationFailed('input');
    metrics.login(true);
    metrics.login(false);
    metrics.login(false);
    metrics.refreshTokenReuseDetected();
    metrics.cacheLookup(true);
    metrics.cacheLookup(false);
    metrics.cacheLookup(false);
    expect(await value(METRIC.simulationsCompleted)).toBe(1);
    expect(await value(METRIC.simulationsFailed, { reason: 'input' })).toBe(2);
    expect(await value(METRIC.logins, { outcome: 'succeeded' })).toBe(1);
    expect(await value(METRIC.logins, { outcome: 'failed' })).toBe(2);
    expect(await value(METRIC.refreshReuse)).toBe(1);
    expect(await value(METRIC.cacheLookups, { result: 'hit' })).toBe(1);
    expect(await value(METRIC.cacheLookups, { result: 'miss' })).toBe(2);
  });

  it('times consecutive phases: each enter closes the one before, end closes the last', async () => {
    const metrics = new MetricsService();
    const phases = metrics.simulationPhases();
    phases.enter('fetching_prices');
    phases.enter('simulating');
    phases.enter('metrics');
    phases.enter('saving');
    phases.end();
    phases.end();
    for (const phase of ['fetching_prices', 'simulating', 'metrics', 'saving']) {
      expect(await value(METRIC.simulationPhase, { phase }, '_count')).toBe(1);
    }
  });

  it('counts provider requests and errors by provider, and publication failures by event', async () => {
    const metrics = new MetricsService();
    metrics.providerRequest('sample', 0.01, false);
    metrics.providerRequest('yahoo', 0.5, true);
    metrics.eventPublishFailed(3);
    metrics.jobStarted('simulations', 0.2);
    metrics.jobRecovered('simulations', 'enqueued');
    metrics.jobRecovered('simulations', 'enqueued');
    metrics.jobRecovered('reports', 'failed');
    metrics.reportCompleted(120_000);
    expect(await value(METRIC.providerDuration, { provider: 'sample' }, '_count')).toBe(1);
    expect(await value(METRIC.providerErrors, { provider: 'sample' })).toBe(0);
    expect(await value(METRIC.providerErrors, { provider: 'yahoo' })).toBe(1);
    expect(await value(METRIC.publishFailures)).toBe(3);
    expect(await value(METRIC.queueWait, { queue: 'simulations' }, '_count')).toBe(1);
    expect(await value(METRIC.jobsRecovered, { queue: 'simulations', action: 'enqueued' })).toBe(2);
    expect(await value(METRIC.jobsRecovered, { queue: 'reports', action: 'failed' })).toBe(1);
    expect(await value(METRIC.reportWorkbook, {}, '_sum')).toBe(120_000);
  });

  it('reports connected Socket.IO clients per namespace of the watched servers', async () => {
    const fakeServer = (sizes: Record<string, number>) =>
      ({
        _nsps: new Map(Object.entries(sizes).map(([name, size]) => [name, { sockets: { size } }] as const)),
      }) as unknown as Server;
    const metrics = new MetricsService();
    metrics.watchSocketServer(fakeServer({ '/system': 1, '/simulations': 2 }));
    metrics.watchSocketServer(fakeServer({ '/simulations': 3 }));
    await register.metrics();
    expect(await value(METRIC.socketClients, { namespace: '/system' })).toBe(1);
    expect(await value(METRIC.socketClients, { namespace: '/simulations' })).toBe(5);
  });
});

describe('MetricsCollector', () => {
  const counts = (waiting: number): QueueCounts => ({ waiting, active: 1, delayed: 0, completed: 9, failed: 2 });

  it('reads queue counts and the outbox lag at scrape time, and keeps the last values when a read fails', async () => {
    let fail = false;
    const queues = { counts: async (queue: string) => counts(queue === 'simulations' ? 4 : 0) } as unknown as JobQueues;
    const repository = {
      outboxLag: async () => {
        if (fail) throw new Error('database down');
        return { unpublished: 7, oldestCreatedAt: new Date(Date.now() - 90_000) };
      },
    } as unknown as MetricsRepository;
    const metrics = new MetricsService();
    const collector = new MetricsCollector(queues, repository);
    collector.onModuleInit();
    try {
      await register.metrics();
      expect(await value(METRIC.queueJobs, { queue: 'simulations', state: 'waiting' })).toBe(4);
      expect(await value(METRIC.queueJobs, { queue: 'simulations', state: 'failed' })).toBe(2);
      expect(await value(METRIC.queueJobs, { queue: 'maintenance', state: 'waiting' })).toBe(0);
      expect(await value(METRIC.outboxUnpublished)).toBe(7);
      const age = await value(METRIC.outboxOldestAge);
      expect(age).toBeGreaterThanOrEqual(90);
      expect(age).toBeLessThan(100);
      fail = true;
      await collector.refresh(metrics);
      expect(await value(METRIC.outboxUnpublished)).toBe(7);
    } finally {
      collector.onApplicationShutdown();
    }
    expect(MetricsService.isScrapeTimeSource(collector)).toBe(false);
  });
});
