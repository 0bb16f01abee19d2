import { commandTickers } from '../../src/engine';
import type { DomainEvent } from '../../src/events/event-envelope';
import type { HistoryRepository } from '../../src/modules/history/history.repository';
import type {
  HistoryPage,
  HistoryQuery,
  NewSimulation,
  SimulationRecord,
  StoredSimulationResult,
} from '../../src/modules/history/history.types';
import type { SimulationChange, SimulationRepository } from '../../src/modules/simulation/simulation.repository';

type HistoryReads = Pick<
  HistoryRepository,
  'findById' | 'findByIdempotencyKey' | 'findUnfinished' | 'list' | 'loadResult' | 'delete'
>;
type LifecycleWrites = Pick<SimulationRepository, 'insert' | 'changeUnfinished'>;

/**
 * The simulations tables in memory, for service specs: the lifecycle's writes (SimulationRepository's insert and
 * changeUnfinished) and the history's reads over one map, every event written listed in `events`. `failInsert`
 * makes the next insert throw (a unique index refusing it).
 */
export class InMemorySimulations implements HistoryReads, LifecycleWrites {
  readonly records = new Map<string, SimulationRecord>();
  readonly results = new Map<string, StoredSimulationResult>();
  readonly events: DomainEvent[] = [];
  failInsert: Error | undefined;

  async insert(simulation: NewSimulation, createdAt: Date, events: DomainEvent[]): Promise<void> {
    if (this.failInsert) throw this.failInsert;
    this.records.set(simulation.id, {
      ...simulation,
      // As SimulationLifecycle.submit answers: the positions, then the benchmark.
      tickers: commandTickers(simulation.parsedCommand),
      status: 'queued',
      progress: { phase: null, percent: 0 },
      failureReason: null,
      headline: { cagr: null, sharpe: null, maxDrawdown: null, totalReturn: null },
      createdAt,
      startedAt: null,
      finishedAt: null,
    });
    this.events.push(...events);
  }

  async changeUnfinished(id: string, change: SimulationChange, events: DomainEvent[]): Promise<boolean> {
    const record = this.records.get(id);
    if (!record || (record.status !== 'queued' && record.status !== 'running')) return false;
    const { progressPhase, progressPercent, headline, ...rest } = change;
    this.records.set(id, {
      ...record,
      ...rest,
      progress: { phase: progressPhase ?? record.progress.phase, percent: progressPercent ?? record.progress.percent },
      headline: headline ?? record.headline,
    });
    this.events.push(...events);
    return true;
  }

  async findById(id: string): Promise<SimulationRecord | null> {
    return this.records.get(id) ?? null;
  }

  async findByIdempotencyKey(userId: string, key: string): Promise<SimulationRecord | null> {
    return [...this.records.values()].find((one) => one.userId === userId && one.idempotencyKey === key) ?? null;
  }

  async findUnfinished(before: Date, limit: number, after?: { id: string; createdAt: Date }) {
    return [...this.records.values()]
      .filter((one) => (one.status === 'queued' || one.status === 'running') && one.createdAt < before)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id.localeCompare(b.id))
      .filter(
        (one) =>
          !after || one.createdAt > after.createdAt || (+one.createdAt === +after.createdAt && one.id > after.id),
      )
      .slice(0, limit)
      .map(({ id, createdAt }) => ({ id, createdAt }));
  }

  async list(userId: string, query: HistoryQuery): Promise<HistoryPage> {
    const mine = [...this.records.values()].filter((one) => one.userId === userId);
    const items = mine.slice((query.page - 1) * query.size, query.page * query.size);
    return { items, page: query.page, size: query.size, total: mine.length };
  }

  async loadResult(id: string): Promise<StoredSimulationResult | null> {
    return this.results.get(id) ?? null;
  }

  async delete(id: string, events: DomainEvent[]): Promise<void> {
    this.records.delete(id);
    this.results.delete(id);
    this.events.push(...events);
  }
}
