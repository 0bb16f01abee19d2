import type { Schemas } from '../../lib/api/client';
import { formatMoney, formatSignedPercent, signClass } from '../../lib/format/numbers';
import styles from './results.module.css';

type Outcome = Schemas['SimulationOutcomeDto'];

/** "sample: AAPL, KO · yahoo: ^GSPC": which source served which tickers. */
function sourcesInWords(sources: Outcome['sources']): string {
  const bySource = new Map<string, string[]>();
  for (const [ticker, source] of Object.entries(sources))
    bySource.set(source, [...(bySource.get(source) ?? []), ticker]);
  return [...bySource].map(([source, tickers]) => `${source}: ${tickers.join(', ')}`).join(' · ') || '—';
}

/** What the money did: capital in, value out, fees, contributions, and any warning the engine raised. */
export function OutcomeSummary({ outcome }: { outcome: Outcome }) {
  const gain = outcome.finalValue - outcome.initialCapital - outcome.netContributions;
  return (
    <div className={styles.outcome}>
      {outcome.warnings.length > 0 && (
        <ul className={styles.notices} aria-label="Warnings">
          {outcome.warnings.map((warning) => (
            <li key={warning} className={styles.notice} role="note">
              <strong>Warning:</strong> {warning}
            </li>
          ))}
        </ul>
      )}
      <dl className={styles.facts}>
        <div>
          <dt>Initial capital</dt>
          <dd>{formatMoney(outcome.initialCapital)}</dd>
        </div>
        <div>
          <dt>Final value</dt>
          <dd>{formatMoney(outcome.finalValue)}</dd>
        </div>
        <div>
          <dt>Gain</dt>
          <dd className={signClass(gain)}>
            {gain > 0 ? '+' : gain < 0 ? '−' : ''}
            {formatMoney(Math.abs(gain))}
          </dd>
        </div>
        <div>
          <dt>Fees paid</dt>
          <dd>{formatMoney(outcome.totalFees)}</dd>
        </div>
        <div>
          <dt>Net contributions</dt>
          <dd>{formatMoney(outcome.netContributions)}</dd>
        </div>
        <div>
          <dt>Money-weighted return</dt>
          <dd className={signClass(outcome.moneyWeightedReturn)}>
            {outcome.moneyWeightedReturn === null ? (
              <span className="muted">only with contributions</span>
            ) : (
              `${formatSignedPercent(outcome.moneyWeightedReturn)} a year`
            )}
          </dd>
        </div>
        <div className={styles.wide}>
          <dt>Price sources</dt>
          <dd>{sourcesInWords(outcome.sources)}</dd>
        </div>
      </dl>
    </div>
  );
}
