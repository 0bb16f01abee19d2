import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import type { StudyMethod } from '../../../engine';
import { STUDY_STATUSES, type StudyStatus } from '../entities/study.entity';
import type { StoredStudyResult, StudyRecord } from '../study.types';

const STUDY_METHODS: readonly StudyMethod[] = ['random', 'dirichlet', 'grid', 'both'];

export class StudyWeightBoundsDto {
  @ApiPropertyOptional({ description: 'signed percent (−30: at most 30 % short), whole hundredths', example: 0 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  minPercent?: number;

  @ApiPropertyOptional({ description: 'signed percent, whole hundredths', example: 40 })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  maxPercent?: number;
}

export class StudyConstraintsDto {
  @ApiPropertyOptional({ description: 'allow negative (short) weights; false when absent' })
  @IsOptional()
  @IsBoolean()
  allowShorts?: boolean;

  @ApiPropertyOptional({ type: 'integer', nullable: true, description: 'at most K non-zero weights' })
  @IsOptional()
  @IsInt()
  maxHoldings?: number | null;

  @ApiPropertyOptional({ type: StudyWeightBoundsDto, description: 'bounds of every ticker not in bounds' })
  @IsOptional()
  @ValidateNested()
  @Type(() => StudyWeightBoundsDto)
  defaultBounds?: StudyWeightBoundsDto;

  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: { $ref: '#/components/schemas/StudyWeightBoundsDto' },
    maxProperties: 100,
    description: 'bounds per ticker, e.g. { "KO": { "maxPercent": 30 } }',
  })
  @IsOptional()
  @IsBoundsMap()
  bounds?: Record<string, StudyWeightBoundsDto>;
}

export class StudyObjectivesDto {
  @ApiPropertyOptional({ nullable: true, type: Number, description: 'maxCagr: no deeper drawdown than this %' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  maxDrawdownPercent?: number | null;

  @ApiPropertyOptional({ nullable: true, type: Number, description: 'minDrawdown: a CAGR of at least this %' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  targetCagrPercent?: number | null;
}

/** `{ <ticker>: { minPercent?, maxPercent? } }`: nothing else in a bound (as the OpenAPI document says). */
function IsBoundsMap(): PropertyDecorator {
  const isBound = (value: unknown) =>
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.entries(value).every(
      ([key, limit]) =>
        (key === 'minPercent' || key === 'maxPercent') &&
        (limit === null || (typeof limit === 'number' && Number.isFinite(limit))),
    );
  return ValidateBy({
    name: 'isBoundsMap',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.keys(value).length <= 100 &&
        Object.values(value).every(isBound),
      defaultMessage: () => 'bounds must map tickers to { minPercent?, maxPercent? } (numbers, in percent)',
    },
  });
}

/** A command option's value: one word of at most 40 characters, or a finite number. */
function IsOptionValue(): PropertyDecorator {
  return ValidateBy({
    name: 'isOptionValue',
    validator: {
      validate: (value: unknown) =>
        (typeof value === 'string' && value.length <= 40) || (typeof value === 'number' && Number.isFinite(value)),
      defaultMessage: (args) => `${args?.property ?? 'option'} must be a string (as in a command) or a number`,
    },
  });
}

/** The options of a command, each written as after `name=` in a command (docs/command-language.md). */
export class StudyOptionsDto {
  @ApiPropertyOptional({
    oneOf: [{ type: 'string', maxLength: 40 }, { type: 'number' }],
    description: 'capital=: money invested on the first day',
    example: '100000',
  })
  @IsOptional()
  @IsOptionValue()
  capital?: string | number;

  @ApiPropertyOptional({ maxLength: 40, description: 'rebalance=: none, daily … yearly, band:N%', example: 'monthly' })
  @IsOptional()
  @IsOptionValue()
  rebalance?: string;

  @ApiPropertyOptional({
    oneOf: [{ type: 'string', maxLength: 40 }, { type: 'number' }],
    description: 'fee=: percent of traded value (a number is percent)',
    example: '0.1%',
  })
  @IsOptional()
  @IsOptionValue()
  fee?: string | number;

  @ApiPropertyOptional({
    oneOf: [{ type: 'string', maxLength: 40 }, { type: 'number' }],
    description: 'rf=: annual risk-free rate for Sharpe and Sortino (a number is percent)',
    example: '2%',
  })
  @IsOptional()
  @IsOptionValue()
  rf?: string | number;

  @ApiPropertyOptional({ maxLength: 40, description: 'benchmark=: a ticker', example: '^GSPC' })
  @IsOptional()
  @IsOptionValue()
  benchmark?: string;

  @ApiPropertyOptional({ maxLength: 40, description: 'contribute=: AMOUNT/month|quarter|year', example: '1000/month' })
  @IsOptional()
  @IsOptionValue()
  contribute?: string;
}

/**
 * POST /studies (docs/studies.md): the engine validates values and reports every problem located (422).
 * Defaults are said in words, not as the schema's `default`: the dashboard's generated types read a field with a
 * `default` as always present, which holds for an answer, not for a request (here, and in StudyConstraintsDto).
 */
export class StudyRequestDto {
  @ApiProperty({
    type: 'array',
    items: { type: 'string', maxLength: 40 },
    maxItems: 60,
    description: '2 to 50 tickers',
    example: ['AAPL', 'KO', 'XOM'],
  })
  @IsArray()
  @ArrayMaxSize(60)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  tickers!: string[];

  @ApiProperty({ example: '2010-01-01', maxLength: 20 })
  @IsString()
  @MaxLength(20)
  start!: string;

  @ApiProperty({ example: '2022-12-31', maxLength: 20 })
  @IsString()
  @MaxLength(20)
  end!: string;

  @ApiPropertyOptional({ enum: STUDY_METHODS, description: 'random when absent' })
  @IsOptional()
  @IsIn(STUDY_METHODS)
  method?: StudyMethod;

  @ApiPropertyOptional({ type: 'integer', description: 'sampled portfolios, 1 to 1,000,000 (not for grid)' })
  @IsOptional()
  @IsInt()
  candidates?: number;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: 4294967295, description: '0 when absent' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(4294967295)
  seed?: number;

  @ApiPropertyOptional({ description: 'Dirichlet α, 0.01 to 1000 (dirichlet, both)' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  concentration?: number;

  @ApiPropertyOptional({ description: 'grid step in percent (grid, both), e.g. 5' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  gridStepPercent?: number;

  @ApiPropertyOptional({ type: StudyConstraintsDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => StudyConstraintsDto)
  constraints?: StudyConstraintsDto;

  @ApiPropertyOptional({ type: StudyObjectivesDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => StudyObjectivesDto)
  objectives?: StudyObjectivesDto;

  @ApiPropertyOptional({ type: 'integer', description: 'portfolios kept per objective, 1 to 100; 10 when absent' })
  @IsOptional()
  @IsInt()
  topN?: number;

  @ApiPropertyOptional({ type: StudyOptionsDto, description: 'a command’s options, as written in a command' })
  @IsOptional()
  @ValidateNested()
  @Type(() => StudyOptionsDto)
  options?: StudyOptionsDto;
}

export class StudyListQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 1_000_000, default: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page = 1;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  size = 20;
}

export class StudyAcceptedDto {
  @ApiProperty({ format: 'uuid' }) studyId!: string;
  @ApiProperty({ enum: STUDY_STATUSES }) status!: StudyStatus;
  @ApiProperty() candidateCount!: number;
  @ApiProperty({ description: 'jobs the study is cut into; any worker takes any of them' }) chunkCount!: number;

  static from(study: StudyRecord): StudyAcceptedDto {
    return {
      studyId: study.id,
      status: study.status,
      candidateCount: study.candidateCount,
      chunkCount: study.chunkCount,
    };
  }
}

export class StudyProgressDto {
  @ApiProperty({ nullable: true, type: String }) phase!: string | null;
  @ApiProperty() percent!: number;
  @ApiProperty() chunksDone!: number;
  @ApiProperty() chunksTotal!: number;
  @ApiProperty() candidatesEvaluated!: number;
}

export class StudySummaryMetricsDto {
  @ApiProperty({ nullable: true, type: Number }) finalNav!: number | null;
  @ApiProperty({ nullable: true, type: Number }) totalReturn!: number | null;
  @ApiProperty({ nullable: true, type: Number }) cagr!: number | null;
  @ApiProperty({ nullable: true, type: Number }) volatility!: number | null;
  @ApiProperty({ nullable: true, type: Number }) sharpe!: number | null;
  @ApiProperty({ nullable: true, type: Number }) sortino!: number | null;
  @ApiProperty({ nullable: true, type: Number }) maxDrawdown!: number | null;
  @ApiProperty({ nullable: true, type: Number }) calmar!: number | null;
}

export class StudyPortfolioDto {
  @ApiProperty({ nullable: true, type: Number, description: 'candidate index; null for a reference portfolio' })
  index!: number | null;
  @ApiProperty({ type: [Number], description: 'signed weights as fractions, in the study’s ticker order' })
  weights!: number[];
  @ApiProperty({ type: StudySummaryMetricsDto }) summary!: StudySummaryMetricsDto;
  @ApiProperty({ description: 'the portfolio as a canonical command: open it in the workspace' }) command!: string;
}

export class StudyBestDto {
  @ApiProperty({ type: StudyPortfolioDto, nullable: true }) maxSharpe!: StudyPortfolioDto | null;
  @ApiProperty({ type: StudyPortfolioDto, nullable: true }) minVolatility!: StudyPortfolioDto | null;
  @ApiProperty({ type: StudyPortfolioDto, nullable: true }) maxCagr!: StudyPortfolioDto | null;
  @ApiProperty({ type: StudyPortfolioDto, nullable: true }) minDrawdown!: StudyPortfolioDto | null;
}

export class StudyTopDto {
  @ApiProperty({ type: [StudyPortfolioDto] }) maxSharpe!: StudyPortfolioDto[];
  @ApiProperty({ type: [StudyPortfolioDto] }) minVolatility!: StudyPortfolioDto[];
  @ApiProperty({ type: [StudyPortfolioDto] }) maxCagr!: StudyPortfolioDto[];
  @ApiProperty({ type: [StudyPortfolioDto] }) minDrawdown!: StudyPortfolioDto[];
}

export class StudyHistogramDto {
  @ApiProperty() lower!: number;
  @ApiProperty() upper!: number;
  @ApiProperty({ type: [Number] }) counts!: number[];
  @ApiProperty() below!: number;
  @ApiProperty() above!: number;
}

export class StudyMetricStatisticsDto {
  @ApiProperty() count!: number;
  @ApiProperty({ nullable: true, type: Number }) min!: number | null;
  @ApiProperty({ nullable: true, type: Number }) max!: number | null;
  @ApiProperty({ nullable: true, type: Number }) mean!: number | null;
  @ApiProperty({
    type: 'array',
    items: { type: 'number', nullable: true },
    description: 'the 5th, 25th, 50th, 75th and 95th percentiles',
  })
  percentiles!: (number | null)[];
  @ApiProperty({ type: StudyHistogramDto }) histogram!: StudyHistogramDto;
}

export class StudyStatisticsDto {
  @ApiProperty({ type: StudyMetricStatisticsDto }) cagr!: StudyMetricStatisticsDto;
  @ApiProperty({ type: StudyMetricStatisticsDto }) volatility!: StudyMetricStatisticsDto;
  @ApiProperty({ type: StudyMetricStatisticsDto }) sharpe!: StudyMetricStatisticsDto;
  @ApiProperty({ type: StudyMetricStatisticsDto }) sortino!: StudyMetricStatisticsDto;
  @ApiProperty({ type: StudyMetricStatisticsDto }) maxDrawdown!: StudyMetricStatisticsDto;
  @ApiProperty({ type: StudyMetricStatisticsDto }) calmar!: StudyMetricStatisticsDto;
}

export class StudyRangeDto {
  @ApiProperty() lower!: number;
  @ApiProperty() upper!: number;
}

export class StudyDensityDto {
  @ApiProperty({ type: StudyRangeDto }) volatility!: StudyRangeDto;
  @ApiProperty({ type: StudyRangeDto }) cagr!: StudyRangeDto;
  @ApiProperty() columns!: number;
  @ApiProperty() rows!: number;
  @ApiProperty({ type: [Number], description: 'counts[row × columns + column] (rows: CAGR, columns: volatility)' })
  counts!: number[];
  @ApiProperty() total!: number;
}

export class StudyReferencesDto {
  @ApiProperty({ type: StudyPortfolioDto }) equalWeight!: StudyPortfolioDto;
  @ApiProperty({ type: StudyPortfolioDto, nullable: true }) inverseVolatility!: StudyPortfolioDto | null;
  @ApiProperty({ type: StudyPortfolioDto, nullable: true }) riskParity!: StudyPortfolioDto | null;
}

export class StudyResultDto {
  @ApiProperty({ example: '2010-01-04' }) firstDate!: string;
  @ApiProperty({ example: '2022-12-28' }) lastDate!: string;
  @ApiProperty({ description: 'trading days simulated' }) days!: number;
  @ApiProperty({ description: 'candidates with a finite CAGR, volatility and max drawdown' }) valid!: number;
  @ApiProperty({ type: [String] }) tickers!: string[];
  @ApiProperty({ type: StudyBestDto }) best!: StudyBestDto;
  @ApiProperty({ type: StudyTopDto }) top!: StudyTopDto;
  @ApiProperty({ type: [StudyPortfolioDto], description: 'volatility against CAGR, volatility ascending' })
  frontier!: StudyPortfolioDto[];
  @ApiProperty({ type: [StudyPortfolioDto], description: 'drawdown depth against CAGR, depth ascending' })
  drawdownFrontier!: StudyPortfolioDto[];
  @ApiProperty({ type: StudyStatisticsDto }) statistics!: StudyStatisticsDto;
  @ApiProperty({ type: StudyDensityDto }) density!: StudyDensityDto;
  @ApiProperty({ type: StudyReferencesDto, nullable: true }) references!: StudyReferencesDto | null;

  static from(result: StoredStudyResult): StudyResultDto {
    return {
      firstDate: result.firstDate,
      lastDate: result.lastDate,
      days: result.days,
      valid: result.valid,
      tickers: result.tickers,
      best: result.best,
      top: result.top,
      frontier: result.frontier,
      drawdownFrontier: result.drawdownFrontier,
      statistics: result.statistics,
      density: result.density,
      references: result.references,
    };
  }
}

export class StudySummaryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: STUDY_STATUSES }) status!: StudyStatus;
  @ApiProperty({ type: StudyRequestDto, description: 'the request as accepted' }) request!: StudyRequestDto;
  @ApiProperty() candidateCount!: number;
  @ApiProperty() chunkCount!: number;
  @ApiProperty({ type: StudyProgressDto }) progress!: StudyProgressDto;
  @ApiProperty({ nullable: true, type: String, description: 'why it failed, in words a person can act on' })
  failureReason!: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) startedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) finishedAt!: string | null;

  static from(study: StudyRecord): StudySummaryDto {
    return {
      id: study.id,
      status: study.status,
      request: study.request,
      candidateCount: study.candidateCount,
      chunkCount: study.chunkCount,
      progress: study.progress,
      failureReason: study.failureReason,
      createdAt: study.createdAt.toISOString(),
      startedAt: study.startedAt?.toISOString() ?? null,
      finishedAt: study.finishedAt?.toISOString() ?? null,
    };
  }
}

export class StudyDetailDto extends StudySummaryDto {
  @ApiProperty({ type: StudyResultDto, nullable: true, description: 'once completed (the scatter: /scatter)' })
  result!: StudyResultDto | null;

  static fromDetail(study: StudyRecord): StudyDetailDto {
    return { ...StudySummaryDto.from(study), result: study.result ? StudyResultDto.from(study.result) : null };
  }
}

export class StudyPageDto {
  @ApiProperty({ type: [StudySummaryDto] }) items!: StudySummaryDto[];
  @ApiProperty({ example: 1 }) page!: number;
  @ApiProperty({ example: 20 }) size!: number;
  @ApiProperty({ description: 'studies over all pages' }) total!: number;
}

export class StudyScatterDto {
  @ApiProperty({ description: 'points' }) count!: number;
  @ApiProperty({ description: 'every stride-th candidate index (1: all of them)' }) stride!: number;
  @ApiProperty({ format: 'byte', description: 'base64 of little-endian Int32 candidate indexes' }) index!: string;
  @ApiProperty({ format: 'byte', description: 'base64 of little-endian Float32 annual volatilities' })
  volatility!: string;
  @ApiProperty({ format: 'byte', description: 'base64 of little-endian Float32 CAGRs' }) cagr!: string;
  @ApiProperty({ format: 'byte', description: 'base64 of little-endian Float32 Sharpe ratios' }) sharpe!: string;
  @ApiProperty({ format: 'byte', description: 'base64 of little-endian Float32 max drawdowns (≤ 0)' })
  maxDrawdown!: string;
}
