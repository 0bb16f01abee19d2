import { randomUUID } from 'node:crypto';
import { commandSeriesNeeds, mergePriceSeries, parseCommandOrThrow, simulatePortfolio } from '../../src/engine';
import type { NewSimulation, SimulationRecord, StoredSimulationResult } from '../../src/modules/history/history.types';
import { toStoredResult } from '../../src/modules/simulation/stored-result';
import { SyntheticPriceSource } from './synthetic-prices';

/**
 * A completed simulation as the history stores it, without a database: the engine run on SyntheticPriceSource's
 * prices (2019-12-02 … 2021-12-31), for specs of what reads a stored result (projections, reports).
 */
export async function completedSimulation(
  command: string,
  overrides: Partial<SimulationRecord> = {},
): Promise<{ record: SimulationRecord; result: StoredSimulationResult }> {
  const parsed = parseCommandOrThrow(command);
  const needs = commandSeriesNeeds(parsed.command);
  const loaded = await new SyntheticPriceSource().load(needs.load);
  const run = simulatePortfolio(parsed.command, mergePriceSeries(loaded.series));
  const result = toStoredResult(run, loaded.sources, loaded.dataSources);
  const metrics = result.metrics.portfolio;
  return {
    record: {
      id: randomUUID(),
      userId: 'user-1',
      command,
      canonical: parsed.canonical,
      parsedCommand: parsed.command,
      tickers: needs.load.slice(),
      startDate: parsed.command.start,
      endDate: parsed.command.end,
      status: 'completed',
      progress: { phase: 'done', percent: 100 },
      failureReason: null,
      idempotencyKey: null,
      headline: {
        cagr: metrics.cagr,
        sharpe: metrics.sharpe,
        maxDrawdown: metrics.maxDrawdown,
        totalReturn: metrics.totalReturn,
      },
      createdAt: new Date('2026-01-02T03:04:05Z'),
      startedAt: new Date('2026-01-02T03:04:06Z'),
      finishedAt: new Date('2026-01-02T03:04:07Z'),
      ...overrides,
    },
    result,
  };
}

/** What a submission records for `command` (queued), as SimulationService builds it. */
export function newSimulation(command: string, userId: string, idempotencyKey: string | null = null): NewSimulation {
  const parsed = parseCommandOrThrow(command);
  return {
    id: randomUUID(),
    userId,
    command,
    canonical: parsed.canonical,
    parsedCommand: parsed.command,
    startDate: parsed.command.start,
    endDate: parsed.command.end,
    idempotencyKey,
  };
}
