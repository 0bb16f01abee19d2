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
  @ApiProperty({ type: [String] }) warnings!: string[];
}
