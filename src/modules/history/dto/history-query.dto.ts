import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { EmptyAsAbsent, IsCalendarDate, OPTIONAL_CALENDAR_DATE_SCHEMA } from '../../../http/calendar-date';
import { SIMULATION_STATUSES, SimulationStatus } from '../entities/simulation.entity';
import { canonicalTicker } from '../../../engine';
import { HISTORY_SORT_FIELDS, HistorySortField } from '../history.types';

function filterTicker(value: string): string {
  const upper = value.replace(/[a-z]/g, (c) => c.toUpperCase());
  return upper.includes('?') ? (canonicalTicker(upper) ?? upper) : upper;
}

/** Pages beyond this are refused: (page - 1) × size must stay a small integer for every database's OFFSET. */
export const MAX_HISTORY_PAGE = 1_000_000;

export class HistoryQueryDto {
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

  @ApiPropertyOptional({ enum: SIMULATION_STATUSES })
  @IsOptional()
  @IsIn(SIMULATION_STATUSES)
  status?: SimulationStatus;

  @ApiPropertyOptional({
    description:
      'only simulations holding this ticker (or using it as benchmark), plain or synthetic (SPY?L=2, in any ' +
      'spelling); a plain ticker also finds the synthetic ones built from it; letters in any case',
    example: 'AAPL',
    pattern: '^[A-Za-z0-9^.=?&-]{1,40}$',
  })
  @IsOptional()
  // ASCII letters only are upper-cased: what the pattern accepts, exactly (no "ß" turning into "SS"); a synthetic
  // ticker is matched in its canonical spelling (spy?l=2.0 finds SPY?L=2).
  @Transform(({ value }) => (typeof value === 'string' ? filterTicker(value) : value))
  @Matches(/^[A-Z0-9^.=?&-]{1,40}$/, { message: 'ticker must be 1–40 letters, digits or ^ . - = ? &' })
  ticker?: string;

  @ApiPropertyOptional({
    ...OPTIONAL_CALENDAR_DATE_SCHEMA,
    description: 'submitted on or after this day (UTC); empty: no bound',
    example: '2026-01-01',
  })
  @EmptyAsAbsent()
  @IsOptional()
  @IsCalendarDate()
  from?: string;

  @ApiPropertyOptional({
    ...OPTIONAL_CALENDAR_DATE_SCHEMA,
    description: 'submitted on or before this day (UTC); empty: no bound',
    example: '2026-12-31',
  })
  @EmptyAsAbsent()
  @IsOptional()
  @IsCalendarDate()
  to?: string;

  @ApiPropertyOptional({ enum: HISTORY_SORT_FIELDS, default: 'createdAt' })
  @IsIn(HISTORY_SORT_FIELDS)
  sort: HistorySortField = 'createdAt';

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'desc' })
  @IsIn(['asc', 'desc'])
  order: 'asc' | 'desc' = 'desc';
}
