import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class PriceQueryDto {
  @ApiPropertyOptional({ description: 'first day, inclusive (default 1970-01-01)', example: '2020-01-01' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'start must be a date YYYY-MM-DD' })
  start?: string;

  @ApiPropertyOptional({ description: 'last day, inclusive (default today)', example: '2022-12-28' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'end must be a date YYYY-MM-DD' })
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
