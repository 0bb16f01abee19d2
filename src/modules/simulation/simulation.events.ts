import type { DomainEvent, EventLinks } from '../../events/event-envelope';
import { EVENT_TOPICS } from '../../events/event-topics';

/**
 * Event types on portofino.simulation.events.v1, a public contract (JSON Schemas: docs/events/).
 * Every event is keyed by simulationId, so one simulation's events keep their order.
 */
export const SIMULATION_EVENTS = {
  requested: 'simulation.requested',
  started: 'simulation.started',
  progress: 'simulation.progress',
  completed: 'simulation.completed',
  failed: 'simulation.failed',
} as const;

export type SimulationEventType = (typeof SIMULATION_EVENTS)[keyof typeof SIMULATION_EVENTS];

export interface SimulationRequestedData {
  command: string;
  canonical: string;
  tickers: string[];
  benchmark: string | null;
  startDate: string;
  endDate: string;
  taskId: string;
}

export interface SimulationStartedData {
  attempt: number;
}

export interface SimulationProgressData {
  phase: string;
  percent: number;
}

export interface SimulationCompletedData {
  finalValue: number;
  cagr: number | null;
  sharpe: number | null;
  maxDrawdown: number | null;
  totalReturn: number | null;
  tradingDays: number;
  durationMs: number;
  /** First and last day simulated (the asked period may be longer: see warnings). */
  simulatedStart: string;
  simulatedEnd: string;
  /** The day the portfolio's value reached zero, or null. */
  depletedOn: string | null;
  /** The engine's warnings (PERIOD_STARTS_LATER, PERIOD_ENDS_EARLIER, PRICES_END_EARLY, DEPLETED). */
  warnings: { code: string; ticker: string | null; date: string; message: string }[];
}

export interface SimulationFailedData {
  reason: string;
  /** Stable code of what went wrong (INVALID_MARKET_DATA, UNKNOWN_TICKER, NO_PRICE_AT_START, TRANSIENT, WORKER_LOST, …). */
  code: string;
}

export interface SimulationEventDataByType {
  'simulation.requested': SimulationRequestedData;
  'simulation.started': SimulationStartedData;
  'simulation.progress': SimulationProgressData;
  'simulation.completed': SimulationCompletedData;
  'simulation.failed': SimulationFailedData;
}

export function simulationEvent<T extends SimulationEventType>(
  type: T,
  userId: string,
  simulationId: string,
  data: SimulationEventDataByType[T],
  links: EventLinks = {},
): DomainEvent<SimulationEventDataByType[T]> {
  return {
    topic: EVENT_TOPICS.simulation,
    key: simulationId,
    type,
    version: 1,
    userId,
    subject: { simulationId },
    data,
    correlationId: simulationId,
    causationId: links.causationId ?? null,
    ...(links.id ? { id: links.id } : {}),
  };
}
