import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsNumber, IsOptional, Max, Min, ValidateIf, ValidateNested } from 'class-validator';
import { JOB_STATUSES, JobStatus } from '../../../jobs/job-status';
import { PROJECTION_LIMITS, ProjectionCashFlow } from '../../../engine';
import type { ProjectionInputs, ProjectionOutputs, ProjectionRecord } from '../projection.types';
import { PROJECTION_DEFAULTS, ProjectionRequest } from '../projection.service';

const PERIODS = ['month', 'quarter', 'year'] as const;

/** Left out, the default applies; null is not a value of these options (the OpenAPI document says so). */
const OmittedOrValid = () => ValidateIf((_object: object, value: unknown) => value !== undefined);

export class ProjectionCashFlowDto {
  @ApiProperty({ enum: ['amount', 'percent'], description: 'a fixed amount per period, or a share of the value' })
  @IsIn(['amount', 'percent'])
  kind!: 'amount' | 'percent';

  @ApiPropertyOptional({ description: 'kind amount: signed amount per period (−4000 withdraws 4,000)', example: -4000 })
  @ValidateIf((flow: ProjectionCashFlowDto) => flow.kind === 'amount')
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-PROJECTION_LIMITS.maxValue)
  @Max(PROJECTION_LIMITS.maxValue)
  amount?: number;

  @ApiPropertyOptional({
    description: 'kind percent: signed fraction of the value (−0.04 withdraws 4 %)',
    example: -0.04,
  })
  @ValidateIf((flow: ProjectionCashFlowDto) => flow.kind === 'percent')
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(-1)
  @Max(1)
  rate?: number;

  @ApiProperty({ enum: PERIODS })
  @IsIn(PERIODS)
  period!: (typeof PERIODS)[number];

  @ApiPropertyOptional({ default: false, description: 'kind amount: grow the amount with inflationRate' })
  @OmittedOrValid()
  @IsBoolean()
  inflationIndexed?: boolean;
}

export class ProjectionRequestDto {
  @ApiPropertyOptional({ default: PROJECTION_DEFAULTS.paths, minimum: 1, maximum: PROJECTION_LIMITS.maxPaths })
  @OmittedOrValid()
  @IsInt()
  @Min(1)
  @Max(PROJECTION_LIMITS.maxPaths)
  paths?: number;

  @ApiPropertyOptional({ default: PROJECTION_DEFAULTS.years, minimum: 1, maximum: PROJECTION_LIMITS.maxYears })
  @OmittedOrValid()
  @IsInt()
  @Min(1)
  @Max(PROJECTION_LIMITS.maxYears)
  years?: number;

  @ApiPropertyOptional({
    enum: ['monthly', 'block'],
    default: PROJECTION_DEFAULTS.method,
    description: 'monthly: each month drawn independently; block: runs of blockMonths consecutive months',
  })
  @OmittedOrValid()
  @IsIn(['monthly', 'block'])
  method?: 'monthly' | 'block';

  @ApiPropertyOptional({
    default: PROJECTION_DEFAULTS.blockMonths,
    minimum: 1,
    maximum: PROJECTION_LIMITS.maxBlockMonths,
    description: 'block length in months (method block; at most the history’s complete months)',
  })
  @OmittedOrValid()
  @IsInt()
  @Min(1)
  @Max(PROJECTION_LIMITS.maxBlockMonths)
  blockMonths?: number;

  @ApiPropertyOptional({
    minimum: 0,
    maximum: 4294967295,
    description: 'the same seed and inputs give the same result; random when absent',
  })
  @OmittedOrValid()
  @IsInt()
  @Min(0)
  @Max(4294967295)
  seed?: number;

  @ApiPropertyOptional({ description: 'value at month 0; default the simulation’s final value', minimum: 0.01 })
  @OmittedOrValid()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.01)
  @Max(PROJECTION_LIMITS.maxValue)
  initialValue?: number;

  @ApiPropertyOptional({
    type: ProjectionCashFlowDto,
    nullable: true,
    description: 'contribution or withdrawal per period; default the simulation’s own (contribute=…); null for none',
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => ProjectionCashFlowDto)
  cashFlow?: ProjectionCashFlowDto | null;

  @ApiPropertyOptional({
    default: 0,
    minimum: -0.05,
    maximum: 0.5,
    description: 'annual inflation for indexed amounts',
  })
  @OmittedOrValid()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(PROJECTION_LIMITS.minInflationRate)
  @Max(PROJECTION_LIMITS.maxInflationRate)
  inflationRate?: number;

  @ApiPropertyOptional({ description: 'value for probabilityAboveTarget; default the initial value', minimum: 0 })
  @OmittedOrValid()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(PROJECTION_LIMITS.maxValue)
  targetValue?: number;

  toRequest(): ProjectionRequest {
    return {
      paths: this.paths,
      years: this.years,
      method: this.method,
      blockMonths: this.blockMonths,
      seed: this.seed,
      initialValue: this.initialValue,
      cashFlow: this.cashFlow === undefined ? undefined : this.cashFlow === null ? null : cashFlowOf(this.cashFlow),
      inflationRate: this.inflationRate,
      targetValue: this.targetValue,
    };
  }
}

function cashFlowOf(flow: ProjectionCashFlowDto): ProjectionCashFlow {
  return flow.kind === 'amount'
    ? {
        kind: 'amount',
        amount: flow.amount ?? 0,
        period: flow.period,
        inflationIndexed: flow.inflationIndexed ?? false,
      }
    : { kind: 'percent', rate: flow.rate ?? 0, period: flow.period };
}

export class ProjectionAcceptedDto {
  @ApiProperty({ format: 'uuid' }) projectionId!: string;
  @ApiProperty({ format: 'uuid' }) simulationId!: string;
  @ApiProperty({ enum: JOB_STATUSES }) status!: JobStatus;
  @ApiProperty({ description: 'GET it for the status and, once completed, the outputs' }) url!: string;
}

export class ProjectionInputsDto {
  @ApiProperty() paths!: number;
  @ApiProperty() years!: number;
  @ApiProperty({ enum: ['monthly', 'block'] }) method!: 'monthly' | 'block';
  @ApiProperty({ description: '1 for monthly' }) blockMonths!: number;
  @ApiProperty() seed!: number;
  @ApiProperty() initialValue!: number;
  @ApiProperty({ type: ProjectionCashFlowDto, nullable: true }) cashFlow!: ProjectionCashFlowDto | null;
  @ApiProperty() inflationRate!: number;
  @ApiProperty() targetValue!: number;
}

class HistogramDto {
  @ApiProperty() lower!: number;
  @ApiProperty() upper!: number;
  @ApiProperty({ type: [Number] }) counts!: number[];
  @ApiProperty() below!: number;
  @ApiProperty() above!: number;
}

export class ProjectionDistributionDto {
  @ApiProperty({ type: [Number], description: 'one per entry of percentiles' }) percentiles!: number[];
  @ApiProperty() mean!: number;
  @ApiProperty() min!: number;
  @ApiProperty() max!: number;
  @ApiProperty({ type: HistogramDto, description: '40 bins from the 1st to the 99th percentile' })
  histogram!: HistogramDto;
}

class ValueBandDto {
  @ApiProperty() percentile!: number;
  @ApiProperty({ type: [Number], description: 'value at month 0 … 12 × years' }) values!: number[];
}

class SustainableWithdrawalDto {
  @ApiProperty({ enum: PERIODS }) period!: (typeof PERIODS)[number];
  @ApiProperty() inflationIndexed!: boolean;
  @ApiProperty({ description: 'highest withdrawal per period that lasts in 90 % of paths' }) success90!: number;
  @ApiProperty({ description: 'highest withdrawal per period that lasts in 95 % of paths' }) success95!: number;
  @ApiProperty({ description: 'success90 per year as a fraction of the initial value' }) annualRate90!: number;
  @ApiProperty({ description: 'success95 per year as a fraction of the initial value' }) annualRate95!: number;
}

export class ProjectionOutputsDto {
  @ApiProperty() paths!: number;
  @ApiProperty() years!: number;
  @ApiProperty() months!: number;
  @ApiProperty({ description: 'complete historical months resampled' }) historyMonths!: number;
  @ApiProperty({ type: [Number], example: [5, 10, 25, 50, 75, 90, 95] }) percentiles!: number[];
  @ApiProperty({ type: [ValueBandDto] }) valueBands!: ValueBandDto[];
  @ApiProperty({ type: ProjectionDistributionDto }) finalValue!: ProjectionDistributionDto;
  @ApiProperty({ type: ProjectionDistributionDto }) cagr!: ProjectionDistributionDto;
  @ApiProperty({ type: ProjectionDistributionDto }) maxDrawdown!: ProjectionDistributionDto;
  @ApiProperty({ description: 'share of paths ending above 0' }) probabilityPositive!: number;
  @ApiProperty({ description: 'share of paths ending above the target' }) probabilityAboveTarget!: number;
  @ApiProperty({ description: 'paths ending above 0 (the money lasted)' }) pathsPositive!: number;
  @ApiProperty() pathsAboveTarget!: number;
  @ApiProperty({ description: 'paths a withdrawal emptied before the horizon' }) depletedPaths!: number;
  @ApiProperty({ type: SustainableWithdrawalDto }) sustainableWithdrawal!: SustainableWithdrawalDto;
}

export class ProjectionProgressDto {
  @ApiProperty({ nullable: true, type: String }) phase!: string | null;
  @ApiProperty() percent!: number;
}

export class ProjectionDto {
  @ApiProperty({ format: 'uuid' }) projectionId!: string;
  @ApiProperty({ format: 'uuid' }) simulationId!: string;
  @ApiProperty({ enum: JOB_STATUSES }) status!: JobStatus;
  @ApiProperty({ type: ProjectionProgressDto }) progress!: ProjectionProgressDto;
  @ApiProperty({ nullable: true, type: String, description: 'why it failed, in words a person can act on' })
  failureReason!: string | null;
  @ApiProperty({ nullable: true, type: String }) failureCode!: string | null;
  @ApiProperty({ type: ProjectionInputsDto, description: 'every option, defaults resolved (the seed too)' })
  inputs!: ProjectionInputs;
  @ApiProperty({
    nullable: true,
    allOf: [{ $ref: getSchemaPath(ProjectionOutputsDto) }],
    description: 'once completed',
  })
  outputs!: ProjectionOutputs | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) startedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) finishedAt!: string | null;

  static from(projection: ProjectionRecord): ProjectionDto {
    return {
      projectionId: projection.id,
      simulationId: projection.simulationId,
      status: projection.status,
      progress: projection.progress,
      failureReason: projection.failureReason,
      failureCode: projection.failureCode,
      inputs: projection.inputs,
      outputs: projection.outputs,
      createdAt: projection.createdAt.toISOString(),
      startedAt: projection.startedAt?.toISOString() ?? null,
      finishedAt: projection.finishedAt?.toISOString() ?? null,
    };
  }
}
