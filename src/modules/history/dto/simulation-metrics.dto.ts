import type { SimulationOutcome } from '../history.types';
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

export const SIMULATION_NOTE_CODES = ['LEVERAGE', 'CASH_INTEREST', 'SYNTHETIC', 'SPLICE', 'INFLATION'] as const;

/** What the result was made of, in words (docs/command-language.md, "Notes"): not a problem, a fact to know. */
export class SimulationNoteDto {
  @ApiProperty({
    enum: SIMULATION_NOTE_CODES,
    description:
      'LEVERAGE: exposure beyond the capital or a loan; CASH_INTEREST: the cash= and borrow= rates and the interest ' +
      'they gave; SYNTHETIC: what a synthetic ticker is and its financing base rate; SPLICE: which series gave a ' +
      "spliced ticker's prices from which date; INFLATION: the real value and CAGR",
  })
  code!: (typeof SIMULATION_NOTE_CODES)[number];
  @ApiProperty({ type: String, nullable: true, description: 'the ticker it is about, or null' })
  ticker!: string | null;
  @ApiProperty() message!: string;
}

/** The book on the first day, as fractions of the capital. */
export class PortfolioExposureDto {
  @ApiProperty({ description: 'sum of the long positions (CASH not included)' }) long!: number;
  @ApiProperty({ description: 'sum of the short positions (positive)' }) short!: number;
  @ApiProperty({ description: 'long + short' }) gross!: number;
  @ApiProperty({ description: 'long − short' }) net!: number;
  @ApiProperty({ description: '1 − long + short; negative: a loan' }) cash!: number;
}

export class CashInterestDto {
  @ApiProperty({ description: 'cash= as written: a percentage or a rate series ticker' }) cashRate!: string;
  @ApiProperty({ description: 'borrow= as written' }) borrowRate!: string;
  @ApiProperty({ enum: ['actual/360'] }) dayCount!: 'actual/360';
  @ApiProperty({ description: 'interest credited to positive cash, in money' }) earned!: number;
  @ApiProperty({ description: 'interest paid on loans, in money (positive)' }) paid!: number;
}

export class SeriesSourceDto {
  @ApiProperty({ description: 'the series (a plain ticker or a synthetic one)' }) source!: string;
  @ApiProperty() from!: string;
  @ApiProperty() to!: string;
}

export class SyntheticTickerDto {
  @ApiProperty({ description: 'as the command writes it (canonical), e.g. SPY?L=2' }) ticker!: string;
  @ApiProperty() base!: string;
  @ApiProperty({ description: 'daily-reset leverage L' }) leverage!: number;
  @ApiProperty({ description: 'expense ratio E, percent a year' }) expensePercent!: number;
  @ApiProperty({ description: 'financing spread SP, percent a year' }) spreadPercent!: number;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'the base rate of the financing (the cash= rate as written), or null when nothing is financed',
  })
  baseRate!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'FB= as written, or null' }) fallback!: string | null;
  @ApiProperty({ type: [SeriesSourceDto], description: 'which series gave the prices from which date, oldest first' })
  sources!: SeriesSourceDto[];
}

export class RealReturnsDto {
  @ApiProperty({ description: 'inflation= as written: a percentage or a price index ticker' }) inflation!: string;
  @ApiProperty({ description: 'how much prices rose over the run' }) cumulativeInflation!: number;
  @ApiProperty({ description: 'the same a year (252-day years, as the CAGR)' }) annualInflation!: number;
  @ApiProperty({ description: 'the final value in money of the first day' }) finalValue!: number;
  @ApiProperty({ description: 'time-weighted return deflated' }) totalReturn!: number;
  @ApiProperty({ description: 'CAGR deflated' }) cagr!: number;
}

export class SimulationOutcomeDto implements SimulationOutcome {
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
  @ApiProperty({
    type: [SimulationNoteDto],
    description: 'leverage, interest, synthetic tickers, splices and real returns in words; empty for a plain run',
  })
  notes!: SimulationNoteDto[];
  @ApiProperty({ type: PortfolioExposureDto, nullable: true, description: 'null for results stored before it' })
  exposure!: PortfolioExposureDto | null;
  @ApiProperty({ type: CashInterestDto, nullable: true, description: 'null when cash= and borrow= are both 0' })
  cashInterest!: CashInterestDto | null;
  @ApiProperty({ type: [SyntheticTickerDto], description: 'each synthetic ticker of the command' })
  synthetics!: SyntheticTickerDto[];
  @ApiProperty({
    type: RealReturnsDto,
    nullable: true,
    description: 'inflation-adjusted figures (inflation=), or null',
  })
  realReturns!: RealReturnsDto | null;
}
