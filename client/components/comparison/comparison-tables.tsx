import { formatMetric, METRIC_GROUPS } from '../results/metrics-format';
import { bestByMetric, type ComparisonResult, type RankedMembers } from './comparison-data';
import styles from './comparison.module.css';

export interface ComparisonMetricsTableProps {
  result: RankedMembers;
  /** Only these metrics (the preview's headline ones), in the table's order; every metric by default. */
  keys?: readonly string[];
}

/** Every metric side by side, one column per member; the best value of each ranked row is marked. */
export function ComparisonMetricsTable({ result, keys }: ComparisonMetricsTableProps) {
  const best = bestByMetric(result);
  const shown = keys ? new Set(keys) : null;
  return (
    <table className={styles.table} aria-label="Metrics side by side">
      <thead>
        <tr>
          <th scope="col">Metric</th>
          {result.members.map((member) => (
            <th scope="col" key={member.name}>
              {member.name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {METRIC_GROUPS.flatMap((group) =>
          group.fields
            .filter((field) => shown === null || shown.has(field.key))
            .map((field) => {
              const winners = best.get(field.key);
              return (
                <tr key={field.key}>
                  <th scope="row">{field.label}</th>
                  {result.members.map((member, index) => {
                    const isBest = winners?.has(index) ?? false;
                    const value = (member.metrics as Record<string, number | string | null | undefined>)[field.key];
                    return (
                      <td
                        key={member.name}
                        className={isBest ? styles.best : undefined}
                        data-best={isBest || undefined}
                      >
                        {formatMetric(value, field.format)}
                        {isBest && (
                          <span className={styles.mark}>
                            {' '}
                            ★<span className={styles.hidden}> best</span>
                          </span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              );
            }),
        )}
      </tbody>
    </table>
  );
}

/** The correlation matrix of the members' daily returns. */
export function CorrelationTable({ result }: { result: ComparisonResult }) {
  const names = result.members.map((member) => member.name);
  return (
    <table className={styles.table} aria-label="Correlation of daily returns">
      <caption>Correlation of daily returns over {result.correlation.observations} days</caption>
      <thead>
        <tr>
          <th scope="col" />
          {names.map((name) => (
            <th scope="col" key={name}>
              {name}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {result.correlation.matrix.map((row, i) => (
          <tr key={names[i]}>
            <th scope="row">{names[i]}</th>
            {row.map((value, j) => (
              <td key={names[j]}>{value === null ? '–' : value.toFixed(2)}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
