import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { ComparisonOutcome } from '../../../engine';
import { MAX_HISTORY_PAGE } from '../../history/dto/history-query.dto';
import { PerformanceMetricsDto } from '../../history/dto/simulation-metrics.dto';
import type { ComparisonRecord } from '../comparison.types';
import { COMPARISON_STATUSES, ComparisonStatus } from '../entities/comparison.entity';

const PERIOD_MODES = ['common', 'own'] as const;

export class ComparisonMemberInputDto {
  @ApiPropertyOptional({ example: 'Tech 50/50', description: 'a name for the table (default: Portfolio n)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  name?: string;

  @ApiProperty({ example: 'AAPL-L-50% MSFT-L-50% 2010-01-01 2022-12-28 rebalance=monthly' })
  @IsString()
  @MaxLength(1000)
  command!: string;
}

/** Either members (commands) or simulationIds (your history entries): 2 to 10 either way. */
export class ComparisonRequestDto {
  @ApiPropertyOptional({ type: [ComparisonMemberInputDto], description: '2 to 10 portfolios, each a command' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => ComparisonMemberInputDto)
  members?: ComparisonMemberInputDto[];

  @ApiPropertyOptional({ type: [String], format: 'uuid', description: '2 to 10 of your simulations (history ids)' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsUUID('all', { each: true })
  simulationIds?: string[];

  // No `default` in the schema: generated clients (openapi-typescript) make a property with a default required.
  @ApiPropertyOptional({
    enum: PERIOD_MODES,
    description: 'common (when absent): every member on the period all can cover; own: each on its own period',
  })
  @IsOptional()
  @IsIn(PERIOD_MODES)
  period?: (typeof PERIOD_MODES)[number];
}

export class ComparisonAcceptedDto {
  @ApiProperty({ format: 'uuid' }) comparisonId!: string;
  @ApiProperty({ format: 'uuid', description: 'the queued job (its id is the comparison id)' }) taskId!: string;
  @ApiProperty({ enum: COMPARISON_STATUSES }) status!: ComparisonStatus;
  @ApiProperty({ enum: PERIOD_MODES }) period!: 'common' | 'own';
  @ApiProperty({ type: () => [ComparisonMemberSummaryDto] }) members!: ComparisonMemberSummaryDto[];

  static from(comparison: ComparisonRecord): ComparisonAcceptedDto {
    return {
      comparisonId: comparison.id,
      taskId: comparison.id,
      status: comparison.status,
      period: comparison.periodMode,
      members: comparison.members.map(({ name, command, canonical }) => ({ name, command, canonical })),
    };
  }
}

export class ComparisonMemberSummaryDto {
  @ApiProperty() name!: string;
  @ApiProperty() command!: string;
  @ApiProperty({ description: 'the command in canonical form' }) canonical!: string;
}

export class ComparisonProgressDto {
  @ApiProperty({ nullable: true, type: String }) phase!: string | null;
  @ApiProperty() percent!: number;
}

export class ComparisonSummaryDto {
  @ApiProperty({ format: 'uuid' }) comparisonId!: string;
  @ApiProperty({ enum: COMPARISON_STATUSES }) status!: ComparisonStatus;
  @ApiProperty({ enum: PERIOD_MODES }) period!: 'common' | 'own';
  @ApiProperty({ type: [ComparisonMemberSummaryDto] }) members!: ComparisonMemberSummaryDto[];
  @ApiProperty({ type: [String], nullable: true, description: 'the history entries it was built from' })
  simulationIds!: string[] | null;
  @ApiProperty({ type: ComparisonProgressDto }) progress!: ComparisonProgressDto;
  @ApiProperty({ nullable: true, type: String, description: 'why it failed, in words a person can act on' })
  failureReason!: string | null;
  @ApiProperty({ nullable: true, type: String }) failureCode!: string | null;
  @ApiProperty({ nullable: true, type: Number, description: 'the member (0-based) the failure is about' })
  failureMember!: number | null;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) startedAt!: string | null;
  @ApiProperty({ format: 'date-time', nullable: true, type: String }) finishedAt!: string | null;

  static from(comparison: ComparisonRecord): ComparisonSummaryDto {
    return {
      comparisonId: comparison.id,
      status: comparison.status,
      period: comparison.periodMode,
      members: comparison.members.map(({ name, command, canonical }) => ({ name, command, canonical })),
      simulationIds: comparison.simulationIds,
      progress: comparison.progress,
      failureReason: comparison.failureReason,
      failureCode: comparison.failureCode,
      failureMember: comparison.failureMember,
      createdAt: comparison.createdAt.toISOString(),
      startedAt: comparison.startedAt?.toISOString() ?? null,
      finishedAt: comparison.finishedAt?.toISOString() ?? null,
    };
  }
}

/** GET /comparisons: pages as GET /history has them (same names, limits and defaults). */
export class ComparisonListQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: MAX_HISTORY_PAGE, default: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(MAX_HISTORY_PAGE)
  page = 1;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  size = 20;
}

/** One page of the user's comparisons, newest first, as GET /history pages simulations. */
export class ComparisonPageDto {
  @ApiProperty({ type: [ComparisonSummaryDto] })
  items!: ComparisonSummaryDto[];

  @ApiProperty({ example: 1 })
  page!: number;

  @ApiProperty({ example: 20 })
  size!: number;

  @ApiProperty({ example: 57, description: 'the user’s comparisons, over all pages' })
  total!: number;
}

export class DateRangeDto {
  @ApiProperty({ example: '2010-01-04' }) start!: string;
  @ApiProperty({ example: '2022-12-28' }) end!: string;
}

export class CommonPeriodNoteDto {
  @ApiProperty({ enum: ['COMMON_PERIOD_STARTS_LATER', 'COMMON_PERIOD_ENDS_EARLIER'] }) code!: string;
  @ApiProperty({ description: 'the member (0-based) the note is about' }) member!: number;
  @ApiProperty() date!: string;
  @ApiProperty() message!: string;
}

export class ComparisonPeriodDto {
  @ApiProperty({ enum: PERIOD_MODES }) mode!: 'common' | 'own';
  @ApiProperty({ description: 'the common period’s first day (empty when the members have none)' }) start!: string;
  @ApiProperty() end!: string;
  @ApiProperty({ type: [Number], description: 'the members (0-based) whose prices start last: they set the start' })
  startSetBy!: number[];
  @ApiProperty({ type: [Number], description: 'the members (0-based) whose prices end first: they set the end' })
  endSetBy!: number[];
  @ApiProperty({ description: 'the period used, in one sentence' }) statement!: string;
  @ApiProperty({ type: [CommonPeriodNoteDto], description: 'each member the common period cuts, said plainly' })
  notes!: CommonPeriodNoteDto[];
}

export class ComparedSeriesDto {
  @ApiProperty({ type: [String] }) dates!: string[];
  @ApiProperty({ type: [Number], description: 'portfolio value at each close' }) value!: number[];
  @ApiProperty({ type: [Number], description: 'drawdown (0 or negative)' }) drawdown!: number[];
  @ApiProperty({ type: [Number], description: 'time-weighted daily return (0 on the first day)' })
  dailyReturn!: number[];
}

export class ComparedWarningDto {
  @ApiProperty() code!: string;
  @ApiProperty() message!: string;
}

export class ComparedMemberDto {
  @ApiProperty() name!: string;
  @ApiProperty() command!: string;
  @ApiProperty() canonical!: string;
  @ApiProperty({ type: DateRangeDto, description: 'the period the command asks for' }) asked!: DateRangeDto;
  @ApiProperty({ type: DateRangeDto, description: 'the part of it its prices cover' }) covered!: DateRangeDto;
  @ApiProperty({ type: DateRangeDto, description: 'the period simulated' }) simulated!: DateRangeDto;
  @ApiProperty() finalValue!: number;
  @ApiProperty({ type: PerformanceMetricsDto }) metrics!: PerformanceMetricsDto;
  @ApiProperty({ type: [ComparedWarningDto] }) warnings!: ComparedWarningDto[];
  @ApiProperty({ type: ComparedSeriesDto }) series!: ComparedSeriesDto;
}

export class CorrelationMatrixDto {
  @ApiProperty({ description: 'the dates every member has' }) commonDates!: number;
  @ApiProperty({ description: 'daily returns correlated (commonDates − 1)' }) observations!: number;
  @ApiProperty({
    type: 'array',
    items: { type: 'array', items: { type: 'number', nullable: true } },
    description: 'Pearson correlations of the members’ daily returns, in member order; null where undefined',
  })
  matrix!: (number | null)[][];
}

export class BestOfMetricDto {
  @ApiProperty({ example: 'sharpe' }) metric!: string;
  @ApiProperty({ enum: ['higher', 'lower'] }) direction!: 'higher' | 'lower';
  @ApiProperty({ type: [Number], description: 'the best members (0-based; ties share it)' }) members!: number[];
  @ApiProperty() value!: number;
}

export class ComparisonResultDto {
  @ApiProperty({ type: ComparisonPeriodDto }) period!: ComparisonPeriodDto;
  @ApiProperty({ type: [ComparedMemberDto] }) members!: ComparedMemberDto[];
  @ApiProperty({ type: CorrelationMatrixDto }) correlation!: CorrelationMatrixDto;
  @ApiProperty({ type: [BestOfMetricDto], description: 'the best member on each ranked metric' })
  best!: BestOfMetricDto[];
}

export class ComparisonDetailDto extends ComparisonSummaryDto {
  @ApiProperty({ type: ComparisonResultDto, nullable: true, description: 'once completed' })
  result!: ComparisonResultDto | null;

  static fromDetail(comparison: ComparisonRecord): ComparisonDetailDto {
    const result: ComparisonOutcome | null = comparison.result;
    return { ...ComparisonSummaryDto.from(comparison), result };
  }
}
