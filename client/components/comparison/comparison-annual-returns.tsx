'use client';

import { useId, useMemo } from 'react';
import { formatSignedPercent } from '../../lib/format/numbers';
import chartStyles from '../charts/charts.module.css';
import { annualReturnsByMember, type AnnualReturnsByMember } from './comparison-data';
import styles from './comparison.module.css';

const WIDTH = 720;
const HEIGHT = 260;
const PAD = { left: 48, right: 8, top: 10, bottom: 24 };
/** Share of a year's slot its group of bars takes (the rest is the gap between years). */
const GROUP = 0.8;

/** One portfolio's best and worst year, in words. */
function extremes(name: string, years: readonly number[], returns: readonly (number | null)[]): string {
  let best = -1;
  let worst = -1;
  returns.forEach((value, index) => {
    if (value === null) return;
    if (best < 0 || value > (returns[best] as number)) best = index;
    if (worst < 0 || value < (returns[worst] as number)) worst = index;
  });
  if (best < 0) return `${name} no full data`;
  return (
    `${name} best ${formatSignedPercent(returns[best])} in ${years[best]}, ` +
    `worst ${formatSignedPercent(returns[worst])} in ${years[worst]}`
  );
}

/** The chart's text alternative: the years, one bar per portfolio, and each one's best and worst year. */
export function annualReturnsSummary(names: readonly string[], data: AnnualReturnsByMember): string {
  const { years, columns } = data;
  if (years.length === 0) return 'Annual returns: no data';
  return (
    `Annual returns ${years[0]}–${years[years.length - 1]}, one bar per portfolio each year: ` +
    names.map((name, member) => extremes(name, years, columns[member])).join('; ')
  );
}

/** A round step for about five gridlines over [min, max]. */
function gridStep(span: number): number {
  const raw = span / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 2.5, 5, 10].map((factor) => factor * power).find((step) => step >= raw) ?? raw;
}

/**
 * The members' annual returns as grouped bars: one group per calendar year, one bar per member in the members'
 * colours (those of the value and drawdown lines). Drawn as SVG: a few hundred rectangles at most (33 years × 10).
 */
export function ComparisonAnnualReturns({
  members,
}: {
  members: readonly { name: string; series: { dates: readonly string[]; dailyReturn: ArrayLike<number | null> } }[];
}) {
  const headingId = useId();
  const data = useMemo(() => annualReturnsByMember(members), [members]);
  const names = members.map((member) => member.name);
  const summary = annualReturnsSummary(names, data);
  const values = data.columns.flat().filter((value): value is number => value !== null);
  const low = Math.min(0, ...values);
  const high = Math.max(0, ...values);
  const step = gridStep(high - low || 0.01);
  const min = Math.floor(low / step) * step;
  const max = Math.ceil(high / step) * step || step;
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const y = (value: number) => PAD.top + ((max - value) / (max - min)) * plotHeight;
  const slot = plotWidth / Math.max(1, data.years.length);
  const bar = (slot * GROUP) / Math.max(1, members.length);
  const labelEvery = Math.ceil(data.years.length / 12);
  const ticks: number[] = [];
  for (let tick = min; tick <= max + step / 2; tick += step) ticks.push(Number(tick.toFixed(10)));

  return (
    <section className={`${chartStyles.chart} ${styles.annual}`} aria-labelledby={headingId}>
      <h3 id={headingId}>Annual returns</h3>
      <svg
        role="img"
        aria-label={summary}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className={styles.bars}
        data-testid="annual-returns-bars"
      >
        {ticks.map((tick) => (
          <g key={tick}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(tick)} y2={y(tick)} className={styles.grid} />
            <text x={PAD.left - 4} y={y(tick) + 4} textAnchor="end" className={styles.axisText}>
              {`${Math.round(tick * 100)}%`}
            </text>
          </g>
        ))}
        {data.years.map((year, yearIndex) => (
          <g key={year}>
            {data.columns.map((column, member) => {
              const value = column[yearIndex];
              if (value === null) return null;
              const x = PAD.left + yearIndex * slot + (slot * (1 - GROUP)) / 2 + member * bar;
              return (
                <rect
                  key={names[member]}
                  x={x}
                  width={Math.max(1, bar - 1)}
                  y={Math.min(y(value), y(0))}
                  height={Math.max(0.5, Math.abs(y(value) - y(0)))}
                  style={{ fill: `var(--chart-${(member % 12) + 1})` }}
                  data-member={member}
                  data-year={year}
                >
                  <title>{`${names[member]} ${year}: ${formatSignedPercent(value)}`}</title>
                </rect>
              );
            })}
            {yearIndex % labelEvery === 0 && (
              <text
                x={PAD.left + (yearIndex + 0.5) * slot}
                y={HEIGHT - 6}
                textAnchor="middle"
                className={styles.axisText}
              >
                {year}
              </text>
            )}
          </g>
        ))}
      </svg>
      <ul className={styles.legend} aria-hidden="true">
        {names.map((name, member) => (
          <li key={name}>
            <span className={styles.swatch} style={{ background: `var(--chart-${(member % 12) + 1})` }} />
            {name}
          </li>
        ))}
      </ul>
      <p className="muted">Calendar years; the first and last are partial when a run starts or ends inside them.</p>
    </section>
  );
}
