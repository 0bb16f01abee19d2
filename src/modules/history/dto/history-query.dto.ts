import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { SIMULATION_STATUSES, SimulationStatus } from '../entities/simulation.entity';
import { HISTORY_SORT_FIELDS, HistorySortField } from '../history.types';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export class HistoryQueryDto {
  @ApiPropertyOptional({ type: 'integer', minimum: 1, default: 1 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page = 1;

  @ApiPropertyOptional({ type: 'integer', minimum: 1, maximum: 100, default: 20 })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  size = 20;

  @ApiPropertyOptional({ enum: SIMULATION_STATUSES })
  @IsOptional()
  @IsIn(SIMULATION_STATUSES)
  status?: SimulationStatus;

  @ApiPropertyOptional({
    description: 'only simulations holding this ticker (or using it as benchmark)',
    example: 'AAPL',
  })
  @IsOptional()
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toUpperCase() : value))
  @Matches(/^[A-Z0-9^.\-=]{1,40}$/, { message: 'ticker must be 1–40 letters, digits or ^ . - =' })
  ticker?: string;

  @ApiPropertyOptional({ description: 'submitted on or after this day', example: '2026-01-01' })
  @IsOptional()
  @Matches(ISO_DAY, { message: 'from must be a date YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ description: 'submitted on or before this day', example: '2026-12-31' })
  @IsOptional()
  @Matches(ISO_DAY, { message: 'to must be a date YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({ enum: HISTORY_SORT_FIELDS, default: 'createdAt' })
  @IsIn(HISTORY_SORT_FIELDS)
  sort: HistorySortField = 'createdAt';

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' })
  @IsIn(['asc', 'desc'])
  order: 'asc' | 'desc' = 'desc';
}
