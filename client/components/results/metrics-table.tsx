import type { PerformanceMetrics } from '../../lib/api/client';
import { signClass } from '../../lib/format/numbers';
import { METRIC_GROUPS, RELATIVE_FIELDS, formatMetric, type MetricField, type MetricFormat } from './metrics-format';
import styles from './results.module.css';

interface MetricsTableProps {
  portfolio: PerformanceMetrics;
  /** The benchmark's own metrics over the same days (a second column), or null. */
  benchmark: PerformanceMetrics | null;
  /** "price only" or "total return": what the benchmark's prices measure, when known. */
  benchmarkKind?: string | null;
}

const SIGNED: ReadonlySet<MetricFormat> = new Set(['return']);

function MetricValue({ value, field }: { value: number | string | null | undefined; field: MetricField<string> }) {
  const { format, missing } = field;
  if ((value === null || value === undefined) && missing) return <span className="muted">{missing}</span>;
  const text = formatMetric(value, format);
  if (format === 'day' && typeof value === 'string') return <time dateTime={value}>{text}</time>;
  return <span className={SIGNED.has(format) && typeof value === 'number' ? signClass(value) : undefined}>{text}</span>;
}

/** The row header: the metric's name and, in lighter type, what it measures. */
function MetricLabel({ field }: { field: MetricField<string> }) {
  return (
    <th scope="row">
      {field.label}
      {field.hint && <span className={styles.hint}> ({field.hint})</span>}
    </th>
  );
}

/** Every metric of the run, grouped, the benchmark's own beside the portfolio's, then how the two moved together. */
export function MetricsTable({ portfolio, benchmark, benchmarkKind = null }: MetricsTableProps) {
  const relative = portfolio.benchmark;
  const benchmarkName = `${relative?.ticker ?? 'Benchmark'}${benchmarkKind ? ` (${benchmarkKind})` : ''}`;
  const columns = benchmark ? 3 : 2;
  return (
    <div className={styles.tableScroll}>
      <table className={styles.metricsTable}>
        <caption>All metrics</caption>
        <thead>
          <tr>
            <th scope="col">Metric</th>
            <th scope="col" className={styles.number}>
              Portfolio
            </th>
            {benchmark && (
              <th scope="col" className={styles.number}>
                {benchmarkName}
              </th>
            )}
          </tr>
        </thead>
        {METRIC_GROUPS.map((group) => (
          <tbody key={group.title}>
            <tr className={styles.groupRow}>
              <th scope="colgroup" colSpan={columns}>
                {group.title}
              </th>
            </tr>
            {group.fields.map((field) => (
              <tr key={field.key}>
                <MetricLabel field={field} />
                <td className={styles.number}>
                  <MetricValue value={portfolio[field.key]} field={field} />
                </td>
                {benchmark && (
                  <td className={styles.number}>
                    <MetricValue value={benchmark[field.key]} field={field} />
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        ))}
        {relative && (
          <tbody>
            <tr className={styles.groupRow}>
              <th scope="colgroup" colSpan={columns}>
                Relative to {relative.ticker}
              </th>
            </tr>
            {RELATIVE_FIELDS.map((field) => (
              <tr key={field.key}>
                <MetricLabel field={field} />
                <td className={styles.number}>
                  <MetricValue value={relative[field.key]} field={field} />
                </td>
                {benchmark && (
                  <td className={styles.number}>
                    <span className="visually-hidden">not applicable</span>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        )}
      </table>
    </div>
  );
}
