import { ApiProperty } from '@nestjs/swagger';
import type { SimulationRecord, StoredSimulationResult, TradeRow } from '../history.types';
import { DrawdownEpisodesDto, RollingMetricsDto, type SimulationAnalysisDto } from './simulation-analysis.dto';
import { SimulationMetricsDto, SimulationOutcomeDto, SimulationWarningDto } from './simulation-metrics.dto';
import { SimulationSummaryDto } from './simulation-summary.dto';

const toJsonNumbers = (values: ArrayLike<number>): (number | null)[] =>
  Array.from(values, (value) => (Number.isFinite(value) ? value : null));

export class SimulationSeriesDto {
  @ApiProperty({ type: [String], description: 'trading days, YYYY-MM-DD' })
  dates!: string[];

  @ApiProperty({ type: [Number], description: 'portfolio value at each close' })
  nav!: (number | null)[];

  @ApiProperty({ type: [Number], description: 'time-weighted daily return (0 on the first day)' })
  dailyReturn!: (number | null)[];

  @ApiProperty({ type: [Number], description: 'compounded time-weighted return since the start' })
  cumulativeReturn!: (number | null)[];

  @ApiProperty({ type: [Number], description: 'fall from the running peak (0 or negative)' })
  drawdown!: (number | null)[];

  @ApiProperty({ type: [Number], nullable: true, description: 'benchmark closes on the same days, if any' })
  benchmark!: (number | null)[] | null;

  @ApiProperty({
    type: [Number],
    nullable: true,
    description:
      'the benchmark as an investment with the portfolio’s cash flows (capital, then each contribution on the same ' +
      'day), if any; null for results stored before it was kept',
  })
  benchmarkValue!: (number | null)[] | null;

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'array', items: { type: 'number' } },
    description: 'signed value weight of each ticker and CASH after each day’s trades (7 significant digits)',
  })
  weights!: Record<string, (number | null)[]>;
}

export class TradeDto {
  @ApiProperty() date!: string;
  @ApiProperty() ticker!: string;
  @ApiProperty({ description: 'signed: positive buys' }) shares!: number;
  @ApiProperty() price!: number;
  @ApiProperty({ description: 'shares × price' }) value!: number;
  @ApiProperty() fee!: number;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['initial', 'rebalance', 'band', 'contribution', 'withdrawal', 'depletion'],
    description: 'why the trade happened; null for results stored before reasons were kept',
  })
  reason!: TradeRow['reason'];
}

/** Everything about one simulation: command, parsed form, status, metrics and the daily series. */
export class SimulationDetailDto extends SimulationSummaryDto {
  @ApiProperty({
    type: SimulationMetricsDto,
    nullable: true,
    description: 'every metric (docs/metrics.md), the benchmark’s own beside the portfolio’s when there is one',
  })
  metrics!: SimulationMetricsDto | null;

  @ApiProperty({
    type: SimulationOutcomeDto,
    nullable: true,
    description: 'final value, fees, contributions, money-weighted return, price sources, warnings',
  })
  summary!: SimulationOutcomeDto | null;

  @ApiProperty({ type: SimulationSeriesDto, nullable: true })
  series!: SimulationSeriesDto | null;

  @ApiProperty({ type: [TradeDto], nullable: true, description: 'the first `?trades=` trades, or all of them' })
  trades!: TradeRow[] | null;

  @ApiProperty({ type: Number, nullable: true, description: 'how many trades the simulation made' })
  tradeCount!: number | null;

  @ApiProperty({
    type: RollingMetricsDto,
    nullable: true,
    description: 'rolling metrics of the `?rollingWindow=` window (default 252 trading days); null until completed',
  })
  rolling!: RollingMetricsDto | null;

  @ApiProperty({
    type: DrawdownEpisodesDto,
    nullable: true,
    description: 'the ten deepest drawdown episodes, or those `?drawdownDeeperThan=`; null until completed',
  })
  drawdownEpisodes!: DrawdownEpisodesDto | null;

  static fromDetail(
    record: SimulationRecord,
    result: StoredSimulationResult | null,
    tradeLimit?: number,
    analysis: SimulationAnalysisDto | null = null,
  ): SimulationDetailDto {
    const base = SimulationSummaryDto.from(record);
    if (!result)
      return {
        ...base,
        metrics: null,
        summary: null,
        series: null,
        trades: null,
        tradeCount: null,
        rolling: null,
        drawdownEpisodes: null,
      };
    const { series } = result;
    const columns = [...series.tickers, 'CASH'];
    const weights: Record<string, (number | null)[]> = {};
    columns.forEach((ticker, column) => {
      weights[ticker] = Array.from({ length: series.dates.length }, (_, row) => {
        const value = series.weights[row * columns.length + column];
        // Weights are stored as float32 (~7 significant digits): printing the float64 widening of each
        // (0.05000000074505806) would only add noise — and 80% of a 33-year, 20-asset answer's bytes.
        return Number.isFinite(value) ? Number(value.toPrecision(7)) : null;
      });
    });
    return {
      ...base,
      metrics: result.metrics,
      summary: outcomeOf(record, result),
      series: {
        dates: series.dates,
        nav: toJsonNumbers(series.nav),
        dailyReturn: toJsonNumbers(series.dailyReturn),
        cumulativeReturn: toJsonNumbers(series.cumulativeReturn),
        drawdown: toJsonNumbers(series.drawdown),
        benchmark: series.benchmark ? toJsonNumbers(series.benchmark) : null,
        benchmarkValue: series.benchmarkValue ? toJsonNumbers(series.benchmarkValue) : null,
        weights,
      },
      trades: tradeLimit === undefined ? result.trades : result.trades.slice(0, tradeLimit),
      tradeCount: result.trades.length,
      rolling: analysis?.rolling ?? null,
      drawdownEpisodes: analysis?.drawdownEpisodes ?? null,
    };
  }
}

/**
 * The stored summary as the API types it. Results stored before this shape (warnings as plain text, no
 * simulated period, no data source kinds) are completed from what they have: warnings become NOTE warnings,
 * the period comes from the series, an index (^) is price only and anything else total return.
 */
function outcomeOf(record: SimulationRecord, result: StoredSimulationResult): SimulationOutcomeDto {
  const stored = result.summary;
  const dates = result.series.dates;
  const simulatedStart = stored.simulatedStart ?? dates[0];
  const simulatedEnd = stored.simulatedEnd ?? dates[dates.length - 1];
  const sources = stored.sources ?? {};
  const warnings = (stored.warnings ?? []).map((warning): SimulationWarningDto =>
    typeof warning === 'string'
      ? {
          code: 'NOTE',
          ticker: null,
          date: simulatedEnd,
          askedStart: record.startDate,
          askedEnd: record.endDate,
          simulatedStart,
          simulatedEnd,
          message: warning,
        }
      : warning,
  );
  return {
    initialCapital: stored.initialCapital ?? 0,
    finalValue: stored.finalValue ?? 0,
    totalFees: stored.totalFees ?? 0,
    netContributions: stored.netContributions ?? 0,
    moneyWeightedReturn: stored.moneyWeightedReturn ?? null,
    flows: [...(stored.flows ?? [])],
    sources,
    dataSources:
      stored.dataSources ??
      Object.entries(sources).map(([ticker, source]) => ({
        ticker,
        source,
        kind: ticker.startsWith('^') ? ('price-only' as const) : ('total-return' as const),
      })),
    simulatedStart,
    simulatedEnd,
    depletedOn: stored.depletedOn ?? null,
    benchmark: stored.benchmark ?? null,
    warnings,
    notes: stored.notes ?? [],
    exposure: stored.exposure ?? null,
    cashInterest: stored.cashInterest ?? null,
    synthetics: stored.synthetics ?? [],
    realReturns: stored.realReturns ?? null,
  };
}
