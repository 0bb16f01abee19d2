import { ApiProperty } from '@nestjs/swagger';

const SERIES = { type: 'array', items: { type: 'number', nullable: true } } as const;

/** One metric per window, each window ending on the day `firstDate` + i trading days; null where undefined. */
export class RollingBenchmarkSeriesDto {
  @ApiProperty({ ...SERIES, description: 'compounded return of the window, annualised beyond 252 days' })
  return!: (number | null)[];

  @ApiProperty({ ...SERIES, description: 'annualised volatility (QuantStats rolling_volatility)' })
  volatility!: (number | null)[];

  @ApiProperty({ ...SERIES, description: 'annualised Sharpe (QuantStats rolling_sharpe); null for a flat window' })
  sharpe!: (number | null)[];

  @ApiProperty({ ...SERIES, description: 'annualised Sortino (QuantStats rolling_sortino); null with no loss' })
  sortino!: (number | null)[];

  @ApiProperty({ ...SERIES, description: 'deepest fall within the window (0 or negative)' })
  maxDrawdown!: (number | null)[];
}

export class RollingPortfolioSeriesDto extends RollingBenchmarkSeriesDto {
  @ApiProperty({
    type: 'array',
    items: { type: 'number', nullable: true },
    nullable: true,
    description: 'beta against the benchmark (QuantStats rolling_greeks); null without a benchmark',
  })
  beta!: (number | null)[] | null;

  @ApiProperty({
    type: 'array',
    items: { type: 'number', nullable: true },
    nullable: true,
    description: 'correlation with the benchmark; null without a benchmark',
  })
  correlation!: (number | null)[] | null;
}

/** The rolling metrics of one window length (docs/metrics.md, "Rolling metrics"). */
export class RollingMetricsDto {
  @ApiProperty({ description: 'window length in trading days (126 ≈ 6 months, 252 ≈ 12, 756 ≈ 36)', example: 252 })
  window!: number;

  @ApiProperty({ description: 'row of `series.dates` the first window ends on (= window)' })
  firstRow!: number;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'the day the first window ends; null when the run is shorter than the window',
  })
  firstDate!: string | null;

  @ApiProperty({ description: 'how many windows (values in each series): 0 when the run is shorter than the window' })
  count!: number;

  @ApiProperty({ type: RollingPortfolioSeriesDto })
  portfolio!: RollingPortfolioSeriesDto;

  @ApiProperty({
    type: RollingBenchmarkSeriesDto,
    nullable: true,
    description: 'the benchmark’s own; null without one',
  })
  benchmark!: RollingBenchmarkSeriesDto | null;
}

/** One fall from a peak, its lowest point and the way back (docs/metrics.md, "Drawdown episodes"). */
export class DrawdownEpisodeDto {
  @ApiProperty({ description: 'last day at the peak before the fall' }) peakDate!: string;
  @ApiProperty({ description: 'row of that day in `series.dates`' }) peakRow!: number;
  @ApiProperty({ description: 'lowest day (the first, if touched twice)' }) troughDate!: string;
  @ApiProperty() troughRow!: number;
  @ApiProperty({ type: String, nullable: true, description: 'first day back at the peak; null when not recovered' })
  recoveryDate!: string | null;
  @ApiProperty({ type: Number, nullable: true }) recoveryRow!: number | null;
  @ApiProperty() recovered!: boolean;
  @ApiProperty({ description: 'deepest drawdown of the episode, a negative fraction' }) depth!: number;
  @ApiProperty({ description: 'trading days from the peak to the trough' }) tradingDaysToTrough!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'trading days from the trough to the recovery' })
  tradingDaysToRecovery!: number | null;
  @ApiProperty({ description: 'trading days from the peak to the recovery, or to the last day when not recovered' })
  tradingDays!: number;
  @ApiProperty({ description: 'calendar days from the peak to the trough' }) calendarDaysToTrough!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'calendar days from the trough to the recovery' })
  calendarDaysToRecovery!: number | null;
  @ApiProperty({ description: 'calendar days under water, inclusive (QuantStats drawdown_details "days")' })
  underwaterDays!: number;
}

export class DrawdownEpisodesDto {
  @ApiProperty({ description: 'every episode of the run, before the threshold and the limit' })
  totalEpisodes!: number;

  @ApiProperty({ type: Number, nullable: true, description: 'the `drawdownDeeperThan` asked for, if any' })
  deeperThan!: number | null;

  @ApiProperty({ description: 'at most this many episodes are listed' })
  limit!: number;

  @ApiProperty({ type: [DrawdownEpisodeDto], description: 'deepest first (ties: the earlier first)' })
  episodes!: DrawdownEpisodeDto[];
}

/** Rolling metrics of one window and the drawdown episodes of a completed simulation. */
export class SimulationAnalysisDto {
  @ApiProperty({ type: RollingMetricsDto }) rolling!: RollingMetricsDto;
  @ApiProperty({ type: DrawdownEpisodesDto }) drawdownEpisodes!: DrawdownEpisodesDto;
}
