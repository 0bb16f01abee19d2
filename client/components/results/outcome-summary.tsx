import type { Schemas } from '../../lib/api/client';
import { formatMoney, formatSignedPercent, signClass } from '../../lib/format/numbers';
import styles from './results.module.css';

type Outcome = Schemas['SimulationOutcomeDto'];

const KIND_WORDS: Record<Outcome['dataSources'][number]['kind'], string> = {
  'total-return': 'total return',
  'price-only': 'price only',
};

/** "sample: AAPL (total return), ^GSPC (price only)": which source served which tickers, and what they measure. */
function sourcesInWords(dataSources: Outcome['dataSources']): string {
  const bySource = new Map<string, string[]>();
  for (const { ticker, source, kind } of dataSources)
    bySource.set(source, [...(bySource.get(source) ?? []), `${ticker} (${KIND_WORDS[kind] ?? kind})`]);
  return [...bySource].map(([source, tickers]) => `${source}: ${tickers.join(', ')}`).join(' · ') || '—';
}

/** What the money did: capital in, value out, fees, contributions, and the benchmark given the same flows. */
export function OutcomeSummary({ outcome }: { outcome: Outcome }) {
  const gain = outcome.finalValue - outcome.initialCapital - outcome.netContributions;
  const benchmark = outcome.benchmark;
  const benchmarkKind = benchmark && outcome.dataSources.find((one) => one.ticker === benchmark.ticker)?.kind;
  return (
    <div className={styles.outcome}>
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
        {benchmark && (
          <div className={styles.wide}>
            <dt>
              {benchmark.ticker}
              {benchmarkKind ? ` (${KIND_WORDS[benchmarkKind]})` : ''} with the same cash flows
            </dt>
            <dd data-testid="benchmark-outcome">
              {formatMoney(benchmark.finalValue)}
              {benchmark.moneyWeightedReturn !== null &&
                `, ${formatSignedPercent(benchmark.moneyWeightedReturn)} a year money-weighted`}
              {benchmark.depletedOn && `, depleted on ${benchmark.depletedOn}`}
            </dd>
          </div>
        )}
        {outcome.cashInterest && (
          <div>
            <dt>Interest earned / paid</dt>
            <dd data-testid="cash-interest">
              {formatMoney(outcome.cashInterest.earned)} / {formatMoney(outcome.cashInterest.paid)}
            </dd>
          </div>
        )}
        {outcome.realReturns && (
          <div className={styles.wide}>
            <dt>Real final value and CAGR ({outcome.realReturns.inflation} inflation)</dt>
            <dd data-testid="real-returns">
              {formatMoney(outcome.realReturns.finalValue)},{' '}
              <span className={signClass(outcome.realReturns.cagr)}>
                {formatSignedPercent(outcome.realReturns.cagr)} a year
              </span>{' '}
              (prices rose {formatSignedPercent(outcome.realReturns.cumulativeInflation)})
            </dd>
          </div>
        )}
        <div className={styles.wide}>
          <dt>Price sources</dt>
          <dd>{sourcesInWords(outcome.dataSources)}</dd>
        </div>
      </dl>
    </div>
  );
}
