import type { CSSProperties } from 'react';
import { formatSignedPercent } from '../../lib/format/numbers';
import { heatScale, type PeriodReturns } from './returns-by-period';
import styles from './results.module.css';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A cell tinted by its return: green gains, red losses, stronger the larger (scale: see heatScale). */
function HeatCell({ value, scale, className = '' }: { value: number; scale: number; className?: string }) {
  if (!Number.isFinite(value)) return <td className={`${styles.heatEmpty} ${className}`} />;
  // Shown to one decimal: a month that rounds to 0.0% reads "0.0%", not "−0.0%".
  const shown = Math.round(value * 1000) === 0 ? 0 : value;
  const strength = Math.min(1, Math.abs(value) / scale);
  const tone = value > 0 ? styles.heatGain : value < 0 ? styles.heatLoss : '';
  return (
    <td
      className={`${styles.heatCell} ${tone} ${className}`}
      style={{ '--heat': strength.toFixed(3) } as CSSProperties}
    >
      {formatSignedPercent(shown, 1)}
    </td>
  );
}

/** Year × month returns as a table (a heatmap for the eye, numbers for everyone), with each year's total. */
export function MonthlyReturnsTable({ periods }: { periods: PeriodReturns }) {
  const monthScale = heatScale(periods.monthly);
  const yearScale = heatScale(periods.annual, 0.05);
  return (
    <div className={styles.tableScroll} role="region" aria-labelledby="monthly-returns-caption" tabIndex={0}>
      <table className={styles.heatmap}>
        <caption id="monthly-returns-caption">Monthly returns</caption>
        <thead>
          <tr>
            <th scope="col">Year</th>
            {MONTHS.map((month, index) => (
              <th key={month} scope="col" abbr={MONTH_NAMES[index]}>
                {month}
              </th>
            ))}
            <th scope="col" className={styles.yearTotal}>
              Year total
            </th>
          </tr>
        </thead>
        <tbody>
          {periods.years.map((year, row) => (
            <tr key={year}>
              <th scope="row">{year}</th>
              {MONTHS.map((month, column) => (
                <HeatCell key={month} value={periods.monthly[row * 12 + column]} scale={monthScale} />
              ))}
              <HeatCell value={periods.annual[row]} scale={yearScale} className={styles.yearTotal} />
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
