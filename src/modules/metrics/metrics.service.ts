import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, register } from 'prom-client';
import type { Namespace, Server } from 'socket.io';
import { MetricsRecorder } from '../../common/metrics-recorder';

/** Every metric PortoFino exports besides the Node defaults; the names the dashboards and alerts use. */
export const METRIC = {
  httpDuration: 'http_request_duration_seconds',
  simulationsRequested: 'portofino_simulations_requested_total',
  simulationsCompleted: 'portofino_simulations_completed_total',
  simulationsFailed: 'portofino_simulations_failed_total',
  simulationPhase: 'portofino_simulation_phase_duration_seconds',
  reportsRequested: 'portofino_reports_requested_total',
  reportsCompleted: 'portofino_reports_completed_total',
  reportsFailed: 'portofino_reports_failed_total',
  reportPhase: 'portofino_report_phase_duration_seconds',
  reportWorkbook: 'portofino_report_workbook_bytes',
  queueJobs: 'portofino_queue_jobs',
  queueWait: 'portofino_queue_wait_seconds',
  jobsRecovered: 'portofino_jobs_recovered_total',
  outboxUnpublished: 'portofino_outbox_unpublished_events',
  outboxOldestAge: 'portofino_outbox_oldest_unpublished_age_seconds',
  publishFailures: 'portofino_event_publish_failures_total',
  gatewayEvents: 'portofino_gateway_events_consumed_total',
  cacheLookups: 'portofino_market_data_cache_lookups_total',
  providerDuration: 'portofino_market_data_provider_request_duration_seconds',
  providerErrors: 'portofino_market_data_provider_errors_total',
  logins: 'portofino_auth_logins_total',
  refreshReuse: 'portofino_auth_refresh_token_reuse_total',
  socketClients: 'portofino_socket_clients',
} as const;

export const SIMULATION_PHASES = ['fetching_prices', 'simulating', 'metrics', 'saving'] as const;
export type SimulationPhase = (typeof SIMULATION_PHASES)[number];
export const REPORT_PHASES = ['loading', 'building', 'saving'] as const;
export type ReportPhase = (typeof REPORT_PHASES)[number];
/** Why work failed, as a class (never the message: bounded label values). */
export const FAILURE_REASONS = ['input', 'data', 'transient'] as const;
export type FailureReason = (typeof FAILURE_REASONS)[number];
export const QUEUE_STATES = ['waiting', 'active', 'delayed', 'failed'] as const;
/** What the recovery sweep did to a stranded job (JobRecovery). */
export const RECOVERY_ACTIONS = ['enqueued', 'retried', 'failed'] as const;
export const GATEWAY_NAMESPACES = ['/simulations', '/reports', '/comparisons', '/projections', '/studies'] as const;

/** Metrics live in prom-client's process-wide registry: several app instances in one process share them. */
function existing<T>(name: string, create: () => T): T {
  return (register.getSingleMetric(name) as T | undefined) ?? create();
}

const DURATION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
const WORK_BUCKETS = [0.001, 0.005, 0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];

/** Gauges read on each scrape (queue counts, outbox lag) are refreshed by the collector the app registered. */
export interface ScrapeTimeSource {
  refresh(metrics: MetricsService): Promise<void>;
}
let scrapeTimeSource: ScrapeTimeSource | undefined;
const socketServers = new Set<WeakRef<Server>>();

/**
 * The one owner of PortoFino's Prometheus metrics: other modules record through these methods and never
 * import prom-client. Labels carry classes (route template, phase, reason, queue, provider), never ids or URLs.
 */
@Injectable()
export class MetricsService extends MetricsRecorder {
  readonly httpDuration = existing(
    METRIC.httpDuration,
    () =>
      new Histogram({
        name: METRIC.httpDuration,
        help: 'HTTP request duration in seconds, by route template, method and status class',
        labelNames: ['method', 'route', 'status_class'],
        buckets: DURATION_BUCKETS,
      }),
  );

  private readonly simulationsRequested = existing(
    METRIC.simulationsRequested,
    () => new Counter({ name: METRIC.simulationsRequested, help: 'Simulations submitted (POST /simulate, reruns)' }),
  );
  private readonly simulationsCompleted = existing(
    METRIC.simulationsCompleted,
    () => new Counter({ name: METRIC.simulationsCompleted, help: 'Simulations that completed' }),
  );
  private readonly simulationsFailed = existing(METRIC.simulationsFailed, () => {
    const counter = new Counter({
      name: METRIC.simulationsFailed,
      help: 'Simulations that failed, by reason class (input, data, transient)',
      labelNames: ['reason'],
    });
    for (const reason of FAILURE_REASONS) counter.inc({ reason }, 0);
    return counter;
  });
  private readonly simulationPhase = existing(METRIC.simulationPhase, () => {
    const histogram = new Histogram({
      name: METRIC.simulationPhase,
      help: 'Time a simulation spends in each phase (fetching_prices, simulating, metrics, saving), seconds',
      labelNames: ['phase'],
      buckets: WORK_BUCKETS,
    });
    for (const phase of SIMULATION_PHASES) histogram.zero({ phase });
    return histogram;
  });

  private readonly reportsRequested = existing(
    METRIC.reportsRequested,
    () => new Counter({ name: METRIC.reportsRequested, help: 'Reports requested' }),
  );
  private readonly reportsCompleted = existing(
    METRIC.reportsCompleted,
    () => new Counter({ name: METRIC.reportsCompleted, help: 'Reports built' }),
  );
  private readonly reportsFailed = existing(METRIC.reportsFailed, () => {
    const counter = new Counter({
      name: METRIC.reportsFailed,
      help: 'Reports that failed, by reason class (input, data, transient)',
      labelNames: ['reason'],
    });
    for (const reason of FAILURE_REASONS) counter.inc({ reason }, 0);
    return counter;
  });
  private readonly reportPhase = existing(METRIC.reportPhase, () => {
    const histogram = new Histogram({
      name: METRIC.reportPhase,
      help: 'Time a report spends in each phase (loading, building, saving), seconds',
      labelNames: ['phase'],
      buckets: WORK_BUCKETS,
    });
    for (const phase of REPORT_PHASES) histogram.zero({ phase });
    return histogram;
  });
  private readonly reportWorkbook = existing(
    METRIC.reportWorkbook,
    () =>
      new Histogram({
        name: METRIC.reportWorkbook,
        help: 'Size of the XLSX workbooks built, bytes',
        buckets: [10e3, 50e3, 100e3, 250e3, 500e3, 1e6, 2.5e6, 5e6, 10e6, 25e6],
      }),
  );

  readonly queueJobs = existing(
    METRIC.queueJobs,
    () =>
      new Gauge({
        name: METRIC.queueJobs,
        help: 'Jobs per queue and state (waiting, active, delayed, failed), read at scrape time',
        labelNames: ['queue', 'state'],
        collect: () => scrapeTimeSource?.refresh(this),
      }),
  );
  private readonly queueWait = existing(
    METRIC.queueWait,
    () =>
      new Histogram({
        name: METRIC.queueWait,
        help: 'Enqueue-to-start latency of jobs (first try), seconds, by queue',
        labelNames: ['queue'],
        buckets: WORK_BUCKETS,
      }),
  );
  private readonly jobsRecovered = existing(METRIC.jobsRecovered, () => {
    const counter = new Counter({
      name: METRIC.jobsRecovered,
      help: 'Stranded jobs the recovery sweep enqueued again (Redis lost them), retried or failed (their workers kept crashing), by queue and action',
      labelNames: ['queue', 'action'],
    });
    for (const queue of ['simulations', 'reports', 'comparisons', 'projections', 'studies']) {
      for (const action of RECOVERY_ACTIONS) counter.inc({ queue, action }, 0);
    }
    return counter;
  });
  readonly outboxUnpublished = existing(
    METRIC.outboxUnpublished,
    () => new Gauge({ name: METRIC.outboxUnpublished, help: 'Events written to the outbox and not yet published' }),
  );
  readonly outboxOldestAge = existing(
    METRIC.outboxOldestAge,
    () =>
      new Gauge({
        name: METRIC.outboxOldestAge,
        help: 'Age of the oldest unpublished outbox event, seconds (0 when none waits)',
      }),
  );
  private readonly publishFailures = existing(
    METRIC.publishFailures,
    () =>
      new Counter({
        name: METRIC.publishFailures,
        help: 'Outbox events whose publication to the broker failed (they stay in the outbox and are retried)',
      }),
  );
  private readonly gatewayEvents = existing(METRIC.gatewayEvents, () => {
    const counter = new Counter({
      name: METRIC.gatewayEvents,
      help: 'Events consumed from the event stream by the Socket.IO gateways, by namespace',
      labelNames: ['namespace'],
    });
    for (const namespace of GATEWAY_NAMESPACES) counter.inc({ namespace }, 0);
    return counter;
  });

  private readonly cacheLookups = existing(METRIC.cacheLookups, () => {
    const counter = new Counter({
      name: METRIC.cacheLookups,
      help: 'Market-data series cache lookups, by result (hit, miss)',
      labelNames: ['result'],
    });
    for (const result of ['hit', 'miss']) counter.inc({ result }, 0);
    return counter;
  });
  private readonly providerDuration = existing(
    METRIC.providerDuration,
    () =>
      new Histogram({
        name: METRIC.providerDuration,
        help: 'Latency of price requests to market-data providers, seconds, by provider',
        labelNames: ['provider'],
        buckets: DURATION_BUCKETS,
      }),
  );
  private readonly providerErrors = existing(
    METRIC.providerErrors,
    () =>
      new Counter({
        name: METRIC.providerErrors,
        help: 'Failed price requests to market-data providers (unknown tickers excluded), by provider',
        labelNames: ['provider'],
      }),
  );

  private readonly logins = existing(METRIC.logins, () => {
    const counter = new Counter({
      name: METRIC.logins,
      help: 'Password sign-ins, by outcome (succeeded, failed)',
      labelNames: ['outcome'],
    });
    for (const outcome of ['succeeded', 'failed']) counter.inc({ outcome }, 0);
    return counter;
  });
  private readonly refreshReuse = existing(
    METRIC.refreshReuse,
    () =>
      new Counter({
        name: METRIC.refreshReuse,
        help: 'Refresh-token reuse detected (the token family was revoked)',
      }),
  );
  private readonly socketClients = existing(
    METRIC.socketClients,
    () =>
      new Gauge({
        name: METRIC.socketClients,
        help: 'Connected Socket.IO clients, by namespace',
        labelNames: ['namespace'],
        collect: () => this.collectSocketClients(),
      }),
  );

  /** The source of the scrape-time gauges (queue counts, outbox lag); undefined to stop. */
  static useScrapeTimeSource(source: ScrapeTimeSource | undefined): void {
    scrapeTimeSource = source;
  }

  static isScrapeTimeSource(source: ScrapeTimeSource): boolean {
    return scrapeTimeSource === source;
  }

  // --- simulations and reports -----------------------------------------------------------------------------

  simulationRequested(): void {
    this.simulationsRequested.inc();
  }

  simulationCompleted(): void {
    this.simulationsCompleted.inc();
  }

  simulationFailed(reason: FailureReason): void {
    this.simulationsFailed.inc({ reason });
  }

  simulationPhaseDone(phase: SimulationPhase, seconds: number): void {
    this.simulationPhase.observe({ phase }, seconds);
  }

  /** Times consecutive phases: each `enter` closes the phase before it; `end` closes the last one. */
  simulationPhases(): { enter(phase: SimulationPhase): void; end(): void } {
    return phaseTimer<SimulationPhase>((phase, seconds) => this.simulationPhaseDone(phase, seconds));
  }

  reportRequested(): void {
    this.reportsRequested.inc();
  }

  reportCompleted(workbookBytes: number): void {
    this.reportsCompleted.inc();
    this.reportWorkbook.observe(workbookBytes);
  }

  reportFailed(reason: FailureReason): void {
    this.reportsFailed.inc({ reason });
  }

  reportPhases(): { enter(phase: ReportPhase): void; end(): void } {
    return phaseTimer<ReportPhase>((phase, seconds) => this.reportPhase.observe({ phase }, seconds));
  }

  // --- queues, events, sockets (MetricsRecorder) ---------------------------------------------------------------

  jobStarted(queue: string, waitSeconds: number): void {
    this.queueWait.observe({ queue }, Math.max(0, waitSeconds));
  }

  jobRecovered(queue: string, action: (typeof RECOVERY_ACTIONS)[number]): void {
    this.jobsRecovered.inc({ queue, action });
  }

  eventPublishFailed(events: number): void {
    this.publishFailures.inc(events);
  }

  gatewayEventConsumed(namespace: (typeof GATEWAY_NAMESPACES)[number]): void {
    this.gatewayEvents.inc({ namespace });
  }

  watchSocketServer(server: Server): void {
    socketServers.add(new WeakRef(server));
  }

  // --- market data and auth ---------------------------------------------------------------------------------

  cacheLookup(hit: boolean): void {
    this.cacheLookups.inc({ result: hit ? 'hit' : 'miss' });
  }

  /** Times one provider request; `failed` true counts it as an error too. */
  providerRequest(provider: string, seconds: number, failed: boolean): void {
    this.providerDuration.observe({ provider }, seconds);
    if (failed) this.providerErrors.inc({ provider });
    else this.providerErrors.inc({ provider }, 0);
  }

  login(succeeded: boolean): void {
    this.logins.inc({ outcome: succeeded ? 'succeeded' : 'failed' });
  }

  refreshTokenReuseDetected(): void {
    this.refreshReuse.inc();
  }

  private collectSocketClients(): void {
    const counts = new Map<string, number>();
    for (const ref of socketServers) {
      const server = ref.deref();
      if (!server) {
        socketServers.delete(ref);
        continue;
      }
      for (const [name, namespace] of server._nsps as Map<string, Namespace>) {
        counts.set(name, (counts.get(name) ?? 0) + namespace.sockets.size);
      }
    }
    this.socketClients.reset();
    for (const [namespace, clients] of counts) this.socketClients.set({ namespace }, clients);
  }
}

function phaseTimer<P extends string>(
  observe: (phase: P, seconds: number) => void,
): { enter(phase: P): void; end(): void } {
  let current: { phase: P; since: bigint } | undefined;
  const close = () => {
    if (current) observe(current.phase, Number(process.hrtime.bigint() - current.since) / 1e9);
    current = undefined;
  };
  return {
    enter(phase: P) {
      close();
      current = { phase, since: process.hrtime.bigint() };
    },
    end: close,
  };
}
