'use client';

import { useMemo, type ReactNode } from 'react';
import type { Schemas } from '../../lib/api/client';
import { AnnualReturnsChart } from '../charts/annual-returns-chart';
import { epochSeconds } from '../charts/chart-data';
import type { ChartHighlight } from '../charts/chart-highlight';
import { DrawdownChart } from '../charts/drawdown-chart';
import { ValueChart } from '../charts/value-chart';
import { WeightsChart } from '../charts/weights-chart';
import { MonthlyReturnsTable } from './monthly-returns-table';
import styles from './results.module.css';
import { dailyReturnsFromValues, returnsByPeriod } from './returns-by-period';

type Series = Schemas['SimulationSeriesDto'];

/** The API types its series as number[]; a day without a value arrives as null (JSON has no NaN). */
type Nullable = (number | null)[];

interface ResultsChartsProps {
  series: Series;
  tickers: readonly string[];
  benchmarkTicker: string | null;
  /** "price only" or "total return", when known. */
  benchmarkKind?: string | null;
  /** Days shaded on the value and drawdown charts (a drawdown episode), or none. */
  highlight?: ChartHighlight | null;
  /** Sections shown right after the performance charts (drawdown episodes, rolling metrics). */
  afterPerformance?: ReactNode;
  /** `series.dates` as Unix seconds, when the caller already has them. */
  times?: Float64Array;
}

/**
 * Value, drawdown, annual and monthly returns, and weights: everything drawn from the daily series. Prop-driven (the
 * shared page draws the same from its own data).
 */
export function ResultsCharts({
  series,
  tickers,
  benchmarkTicker,
  benchmarkKind = null,
  highlight = null,
  afterPerformance = null,
  times: givenTimes,
}: ResultsChartsProps) {
  const ownTimes = useMemo(() => (givenTimes ? null : epochSeconds(series.dates)), [givenTimes, series.dates]);
  const times = givenTimes ?? (ownTimes as Float64Array);
  const periods = useMemo(() => returnsByPeriod(series.dates, series.dailyReturn), [series.dates, series.dailyReturn]);
  const benchmarkPeriods = useMemo(
    () => (series.benchmark ? returnsByPeriod(series.dates, dailyReturnsFromValues(series.benchmark)) : null),
    [series.dates, series.benchmark],
  );
  // Benchmark years line up with the portfolio's (same days); keep only the years both have.
  const benchmarkAnnual = useMemo(() => {
    if (!benchmarkPeriods) return null;
    const byYear = new Map(benchmarkPeriods.years.map((year, index) => [year, benchmarkPeriods.annual[index]]));
    return Float64Array.from(periods.years, (year) => byYear.get(year) ?? Number.NaN);
  }, [periods, benchmarkPeriods]);

  return (
    <>
      <section className={styles.section} aria-labelledby="performance-heading">
        <h2 id="performance-heading">Performance</h2>
        <div className={styles.chartStack}>
          <ValueChart
            days={series.dates}
            times={times}
            nav={series.nav as Nullable}
            benchmark={series.benchmark as Nullable | null}
            benchmarkValue={series.benchmarkValue as Nullable | null}
            benchmarkTicker={benchmarkTicker}
            benchmarkKind={benchmarkKind}
            highlight={highlight}
          />
          <DrawdownChart
            days={series.dates}
            times={times}
            drawdown={series.drawdown as Nullable}
            highlight={highlight}
          />
        </div>
      </section>

      {afterPerformance}

      <section className={styles.section} aria-labelledby="returns-heading">
        <h2 id="returns-heading">Returns by period</h2>
        <div className={styles.chartStack}>
          <AnnualReturnsChart
            years={periods.years}
            portfolio={periods.annual}
            benchmark={benchmarkAnnual}
            benchmarkTicker={benchmarkTicker}
          />
          <MonthlyReturnsTable periods={periods} />
        </div>
      </section>

      <section className={styles.section} aria-labelledby="weights-heading">
        <h2 id="weights-heading">Positions</h2>
        <WeightsChart
          days={series.dates}
          times={times}
          weights={series.weights as Record<string, Nullable>}
          tickers={tickers}
        />
      </section>
    </>
  );
}
