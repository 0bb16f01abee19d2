import { ApiProperty } from '@nestjs/swagger';
import type { SeriesKind } from '../market-data.types';

export class DateRangeDto {
  @ApiProperty({ example: '1990-01-02' })
  start!: string;

  @ApiProperty({ example: '2022-12-28' })
  end!: string;
}

export class AssetResponseDto {
  @ApiProperty({ example: 'AAPL' })
  ticker!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Apple Inc.' })
  name!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'USD' })
  currency!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'NasdaqGS' })
  exchange!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'EQUITY', description: 'EQUITY, ETF, INDEX, ... or UPLOAD' })
  type!: string | null;

  @ApiProperty({ enum: ['yahoo', 'sample', 'upload'], description: 'the source that serves this series' })
  source!: string;

  @ApiProperty({
    enum: ['total-return', 'price-only'],
    description:
      'what the prices measure: total-return when dividends are reinvested in them (adjusted closes, a total-return ' +
      'index), price-only when not (a price index such as ^GSPC, an upload of plain closes)',
  })
  kind!: SeriesKind;

  @ApiProperty({ type: DateRangeDto, description: 'first and last day with a price' })
  available!: DateRangeDto;
}

export class AssetSearchResultDto {
  @ApiProperty({ example: 'AAPL' })
  ticker!: string;

  @ApiProperty({ type: String, nullable: true, example: 'Apple Inc.' })
  name!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'USD' })
  currency!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'NASDAQ' })
  exchange!: string | null;

  @ApiProperty({ type: String, nullable: true, example: 'EQUITY' })
  type!: string | null;

  @ApiProperty({ type: [String], example: ['sample'], description: 'sources that know the ticker (stored ones first)' })
  sources!: string[];
}

export class DividendDto {
  @ApiProperty({ example: '2020-02-07' })
  date!: string;

  @ApiProperty({ example: 0.77 })
  amount!: number;
}

export class SplitDto {
  @ApiProperty({ example: '2020-08-31' })
  date!: string;

  @ApiProperty({ example: 4, description: 'new shares per old share' })
  ratio!: number;
}

export class PriceSeriesResponseDto {
  @ApiProperty({ example: 'AAPL' })
  ticker!: string;

  @ApiProperty({ enum: ['yahoo', 'sample', 'upload'], description: 'the source that served this series' })
  source!: string;

  @ApiProperty({
    enum: ['total-return', 'price-only'],
    description:
      'what the prices measure: total-return when dividends are reinvested in them (adjusted closes, a total-return ' +
      'index), price-only when not (a price index such as ^GSPC, an upload of plain closes)',
  })
  kind!: SeriesKind;

  @ApiProperty({ type: String, nullable: true, example: 'USD' })
  currency!: string | null;

  @ApiProperty({ type: DateRangeDto, description: 'what the source has in all' })
  available!: DateRangeDto;

  @ApiProperty({ example: 3, description: 'number of trading days returned' })
  count!: number;

  @ApiProperty({ type: [String], example: ['2020-01-02', '2020-01-03', '2020-01-06'] })
  dates!: string[];

  @ApiProperty({
    type: 'array',
    items: { type: 'number', nullable: true },
    description: 'raw closes, null where the source has only adjusted closes (sample data)',
  })
  close!: (number | null)[];

  @ApiProperty({ type: [Number], description: 'closes adjusted for splits and dividends (what simulations use)' })
  adjClose!: number[];

  @ApiProperty({ type: [DividendDto] })
  dividends!: DividendDto[];

  @ApiProperty({ type: [SplitDto] })
  splits!: SplitDto[];
}

export class UploadResultDto {
  @ApiProperty({ example: 'MYFUND' })
  ticker!: string;

  @ApiProperty({ enum: ['upload'] })
  source!: string;

  @ApiProperty({ example: 250, description: 'rows stored (new or replaced)' })
  rows!: number;

  @ApiProperty({ type: DateRangeDto, description: 'first and last day of your series after the upload' })
  available!: DateRangeDto;
}
