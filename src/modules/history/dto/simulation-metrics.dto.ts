import { ApiProperty } from '@nestjs/swagger';

/**
 * The documented shape of the stored metrics (src/engine/metrics/metrics.types.ts; conventions in
 * docs/metrics.md), so the dashboard's generated client is typed. Ratios are fractions (0.12 = 12%).
 */
export class RelativeMetricsDto {
  @ApiProperty({ description: 'the benchmark ticker' }) ticker!: string;
  @ApiProperty() beta!: number;
  @ApiProperty({ description: 'annualised, no risk-free adjustment' }) alpha!: number;
  @ApiProperty() correlation!: number;
  @ApiProperty() rSquared!: number;
  @ApiProperty({ description: 'annualised' }) trackingError!: number;
  @ApiProperty({ description: 'daily, not annualised (QuantStats)' }) informationRatio!: number;
  @ApiProperty() upCapture!: number;
  @ApiProperty() downCapture!: number;
}

export class PerformanceMetricsDto {
  @ApiProperty({ description: 'first day of the return series' }) startDate!: string;
  @ApiProperty() endDate!: string;
  @ApiProperty({ description: 'number of daily returns' }) tradingDays!: number;
  @ApiProperty({ description: 'tradingDays / 252' }) years!: number;
  @ApiProperty() totalReturn!: number;
  @ApiProperty() cagr!: number;
  @ApiProperty({ description: 'annualised' }) volatility!: number;
  @ApiProperty() sharpe!: number;
  @ApiProperty() sortino!: number;
  @ApiProperty({ description: 'deepest fall from a running peak (negative)' }) maxDrawdown!: number;
  @ApiProperty({ type: String, nullable: true }) maxDrawdownPeakDate!: string | null;
  @ApiProperty({ type: String, nullable: true }) maxDrawdownTroughDate!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'null when not recovered by the end' })
  maxDrawdownRecoveryDate!: string | null;
  @ApiProperty({ description: 'calendar days' }) maxDrawdownDays!: number;
  @ApiProperty({ description: 'calendar days' }) longestDrawdownDays!: number;
  @ApiProperty() calmar!: number;
  @ApiProperty() bestDay!: number;
  @ApiProperty() worstDay!: number;
  @ApiProperty() bestMonth!: number;
  @ApiProperty() worstMonth!: number;
  @ApiProperty() bestYear!: number;
  @ApiProperty() worstYear!: number;
  @ApiProperty({ description: 'share of months with a positive return' }) positiveMonths!: number;
  @ApiProperty() skew!: number;
  @ApiProperty({ description: 'excess kurtosis' }) kurtosis!: number;
  @ApiProperty({ description: 'historical, daily' }) valueAtRisk95!: number;
  @ApiProperty({ description: 'historical, daily' }) conditionalValueAtRisk95!: number;
  @ApiProperty({ description: 'variance-covariance (QuantStats default)' }) parametricValueAtRisk95!: number;
  @ApiProperty() parametricConditionalValueAtRisk95!: number;
  @ApiProperty() ulcerIndex!: number;
  @ApiProperty({ type: RelativeMetricsDto, nullable: true, description: 'against the benchmark; null without one' })
  benchmark!: RelativeMetricsDto | null;
}

export class SimulationMetricsDto {
  @ApiProperty({ type: PerformanceMetricsDto }) portfolio!: PerformanceMetricsDto;

  @ApiProperty({
    type: PerformanceMetricsDto,
    nullable: true,
    description: "the benchmark's own metrics over the same days (a second column); null without a benchmark",
  })
  benchmark!: PerformanceMetricsDto | null;
}

export class CashFlowDto {
  @ApiProperty() date!: string;
  @ApiProperty({ description: 'money put in (negative: withdrawn)' }) amount!: number;
}

export const SIMULATION_WARNING_CODES = [
  'PERIOD_STARTS_LATER',
  'PERIOD_ENDS_EARLIER',
  'PRICES_END_EARLY',
  'DEPLETED',
  'NOTE',
] as const;

/** Something to read before the numbers (docs/command-language.md, "The simulated period"; docs/metrics.md). */
export class SimulationWarningDto {
  @ApiProperty({
    enum: SIMULATION_WARNING_CODES,
    description:
      'PERIOD_STARTS_LATER / PERIOD_ENDS_EARLIER: the prices do not cover the asked period; PRICES_END_EARLY: a ' +
      "ticker's last price is held to the end; DEPLETED: the value reached zero; NOTE: a plain-text warning of a " +
      'result stored before warnings had codes',
  })
  code!: (typeof SIMULATION_WARNING_CODES)[number];
  @ApiProperty({ type: String, nullable: true, description: 'the ticker that limited the period, or null' })
  ticker!: string | null;
  @ApiProperty({ description: 'the day it is about: where the prices start or stop, or the depletion day' })
  date!: string;
  @ApiProperty() askedStart!: string;
  @ApiProperty() askedEnd!: string;
  @ApiProperty() simulatedStart!: string;
  @ApiProperty() simulatedEnd!: string;
  @ApiProperty({ description: 'the same in words' }) message!: string;
}

export class DataSourceDto {
  @ApiProperty() ticker!: string;
  @ApiProperty({ description: 'yahoo, sample or upload' }) source!: string;
  @ApiProperty({
    enum: ['total-return', 'price-only'],
    description: 'total-return: dividends reinvested (adjusted closes); price-only: a price index or plain closes',
  })
  kind!: 'total-return' | 'price-only';
}

export class BenchmarkOutcomeDto {
  @ApiProperty() ticker!: string;
  @ApiProperty({ description: 'the capital and the same contributions invested in the benchmark, no fees' })
  finalValue!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'XIRR on the same flows, when there are contributions' })
  moneyWeightedReturn!: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'the day withdrawals emptied the benchmark, or null' })
  depletedOn!: string | null;
}

export class SimulationOutcomeDto {
  @ApiProperty() initialCapital!: number;
  @ApiProperty() finalValue!: number;
  @ApiProperty() totalFees!: number;
  @ApiProperty() netContributions!: number;
  @ApiProperty({ type: Number, nullable: true, description: 'XIRR, when there are contributions' })
  moneyWeightedReturn!: number | null;
  @ApiProperty({ type: [CashFlowDto] }) flows!: CashFlowDto[];
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    description: 'where each ticker’s prices came from (yahoo, sample, upload)',
  })
  sources!: Record<string, string>;
  @ApiProperty({ type: [DataSourceDto], description: 'each ticker: where its prices came from and what they measure' })
  dataSources!: DataSourceDto[];
  @ApiProperty({ description: 'first day simulated (the asked start may be earlier: see warnings)' })
  simulatedStart!: string;
  @ApiProperty({ description: 'last day simulated (the asked end may be later: see warnings)' })
  simulatedEnd!: string;
  @ApiProperty({ type: String, nullable: true, description: 'the day the value reached zero, or null' })
  depletedOn!: string | null;
  @ApiProperty({ type: BenchmarkOutcomeDto, nullable: true })
  benchmark!: BenchmarkOutcomeDto | null;
  @ApiProperty({ type: [SimulationWarningDto], description: 'to read before the numbers, most important first' })
  warnings!: SimulationWarningDto[];
}
