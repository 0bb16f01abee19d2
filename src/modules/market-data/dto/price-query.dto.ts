import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { CALENDAR_DATE_SCHEMA, IsCalendarDate } from '../../../http/calendar-date';

export class PriceQueryDto {
  @ApiPropertyOptional({
    ...CALENDAR_DATE_SCHEMA,
    description: 'first day, inclusive (default 1970-01-01)',
    example: '2020-01-01',
  })
  @IsOptional()
  @IsCalendarDate()
  start?: string;

  @ApiPropertyOptional({
    ...CALENDAR_DATE_SCHEMA,
    description: 'last day, inclusive (default today)',
    example: '2022-12-28',
  })
  @IsOptional()
  @IsCalendarDate()
  end?: string;

  @ApiPropertyOptional({
    description:
      'json (columns), csv (date,close,adj_close: the upload format) or binary (application/octet-stream: day ' +
      'numbers and adjusted closes, docs/market-data.md "Binary prices")',
    enum: ['json', 'csv', 'binary'],
    default: 'json',
  })
  @IsOptional()
  @IsIn(['json', 'csv', 'binary'])
  format?: 'json' | 'csv' | 'binary';
}
