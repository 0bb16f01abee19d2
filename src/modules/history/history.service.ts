import { Injectable, Logger } from '@nestjs/common';
import { SimulationNotFoundError } from './history.errors';
import { HISTORY_EVENTS, historyEvent } from './history.events';
import { HistoryRepository, UnfinishedSimulation } from './history.repository';
import { HistoryPage, HistoryQuery, SimulationRecord, StoredSimulationResult } from './history.types';

/**
 * The read and list side of the simulation lifecycle (src/modules/simulation writes every state change): a user's
 * simulations, one with its stored result, the unfinished ones for the recovery sweep, and deletion.
 */
@Injectable()
export class HistoryService {
  private readonly logger = new Logger(HistoryService.name);

  constructor(private readonly repository: HistoryRepository) {}

  findByIdempotencyKey(userId: string, key: string): Promise<SimulationRecord | null> {
    return this.repository.findByIdempotencyKey(userId, key);
  }

  /** For the worker: no owner check. */
  findById(id: string): Promise<SimulationRecord | null> {
    return this.repository.findById(id);
  }

  /** The user's own simulation, or SimulationNotFoundError (also for someone else's). */
  async getOwned(userId: string, id: string): Promise<SimulationRecord> {
    const record = await this.repository.findById(id);
    if (!record || record.userId !== userId) throw new SimulationNotFoundError(id);
    return record;
  }

  async getDetail(
    userId: string,
    id: string,
  ): Promise<{ record: SimulationRecord; result: StoredSimulationResult | null }> {
    const record = await this.getOwned(userId, id);
    const result = record.status === 'completed' ? await this.repository.loadResult(id) : null;
    return { record, result };
  }

  /** Simulations still queued or running that were submitted before `before`: oldest first, `limit` after `after`. */
  findUnfinished(before: Date, limit: number, after?: UnfinishedSimulation): Promise<UnfinishedSimulation[]> {
    return this.repository.findUnfinished(before, limit, after);
  }

  list(userId: string, query: HistoryQuery): Promise<HistoryPage> {
    return this.repository.list(userId, query);
  }

  async delete(userId: string, id: string): Promise<void> {
    const record = await this.getOwned(userId, id);
    await this.repository.delete(id, [
      historyEvent(HISTORY_EVENTS.deleted, userId, id, { reason: 'deleted-by-user' as const }),
    ]);
    this.logger.log({ message: 'simulation deleted', simulationId: id, status: record.status });
  }
}
