import type { PerformanceMetrics, Schemas } from '../../lib/api/client';
import { formatMoney, formatPercent, formatRatio, signClass } from '../../lib/format/numbers';
import { formatDay } from './metrics-format';
import styles from './results.module.css';

/** What the cards read of a run's outcome (a stored simulation's, or the live preview's). */
type Outcome = Pick<Schemas['SimulationOutcomeDto'], 'finalValue' | 'initialCapital' | 'depletedOn'>;

interface Card {
  id: string;
  label: string;
  value: string;
  /** gain/loss colouring, for returns. */
  tone?: string;
  note?: string;
}

function cardsOf(metrics: PerformanceMetrics, outcome: Outcome | null): Card[] {
  const peak = metrics.maxDrawdownPeakDate;
  const trough = metrics.maxDrawdownTroughDate;
  return [
    { id: 'cagr', label: 'CAGR', value: formatPercent(metrics.cagr), tone: signClass(metrics.cagr), note: 'per year' },
    {
      id: 'totalReturn',
      label: 'Total return',
      value: formatPercent(metrics.totalReturn),
      tone: signClass(metrics.totalReturn),
    },
    {
      id: 'finalValue',
      label: 'Final value',
      value: formatMoney(outcome?.finalValue),
      note: outcome?.depletedOn
        ? `nothing left from ${formatDay(outcome.depletedOn)}`
        : outcome
          ? `from ${formatMoney(outcome.initialCapital)}`
          : undefined,
    },
    { id: 'sharpe', label: 'Sharpe', value: formatRatio(metrics.sharpe) },
    { id: 'sortino', label: 'Sortino', value: formatRatio(metrics.sortino) },
    { id: 'calmar', label: 'Calmar', value: formatRatio(metrics.calmar) },
    {
      id: 'maxDrawdown',
      label: 'Max drawdown',
      value: formatPercent(metrics.maxDrawdown),
      tone: signClass(metrics.maxDrawdown),
      note: peak && trough ? `${formatDay(peak)} → ${formatDay(trough)}` : undefined,
    },
    { id: 'volatility', label: 'Volatility', value: formatPercent(metrics.volatility), note: 'annualised' },
  ];
}

/**
 * The headline numbers, each in its own card; values carry test ids the end-to-end test reads. A depleted
 * portfolio says so first: its time-weighted numbers count the depletion as a total loss (docs/metrics.md).
 */
export function MetricCards({ metrics, outcome }: { metrics: PerformanceMetrics; outcome: Outcome | null }) {
  return (
    <>
      {outcome?.depletedOn && (
        <p className={styles.depleted} role="alert" data-testid="depleted-headline">
          Depleted on <time dateTime={outcome.depletedOn}>{formatDay(outcome.depletedOn)}</time>
          <span className={styles.depletedNote}>
            {' '}
            — the value reached zero: every position was closed and nothing was invested or withdrawn after.
          </span>
        </p>
      )}
      <MetricCardList metrics={metrics} outcome={outcome} />
    </>
  );
}

function MetricCardList({ metrics, outcome }: { metrics: PerformanceMetrics; outcome: Outcome | null }) {
  return (
    <dl className={styles.cards}>
      {cardsOf(metrics, outcome).map((card) => (
        <div key={card.id} className={styles.metricCard}>
          <dt>{card.label}</dt>
          <dd className={`${styles.metricValue} ${card.tone ?? ''}`} data-testid={`metric-${card.id}`}>
            {card.value}
          </dd>
          {card.note && <dd className={styles.metricNote}>{card.note}</dd>}
        </div>
      ))}
    </dl>
  );
}
