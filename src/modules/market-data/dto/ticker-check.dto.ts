import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength } from 'class-validator';

/** 1 to 50 non-empty names separated by commas; the document states the same pattern the server checks. */
const TICKER_LIST = /^[^,]+(,[^,]+){0,49}$/;

export class TickerCheckQueryDto {
  @ApiProperty({
    description: 'tickers to check, comma-separated (at most 50)',
    example: 'AAPL,TSLA,^GSPC',
    minLength: 1,
    maxLength: 1000,
    pattern: TICKER_LIST.source,
  })
  @IsString()
  @MaxLength(1000)
  @Matches(TICKER_LIST, { message: 'tickers must be 1 to 50 tickers separated by commas' })
  tickers!: string;
}

export class TickerCheckDto {
  @ApiProperty({ example: 'TSLA' })
  ticker!: string;

  @ApiProperty({
    enum: ['known', 'unknown', 'unverified', 'invalid'],
    description:
      'known: a source can price it; unknown: every configured source said it does not have it; ' +
      'unverified: none has it and one could not answer now (unreachable); invalid: not a ticker',
  })
  status!: 'known' | 'unknown' | 'unverified' | 'invalid';

  @ApiProperty({ type: String, nullable: true, example: 'sample', description: 'the source that would serve it' })
  source!: string | null;

  @ApiProperty({
    type: String,
    nullable: true,
    description: 'why it cannot be priced, naming every source tried (null when known)',
    example:
      'no configured source can price TSLA right now (tried yahoo: unreachable moments ago (retry in 262 s); ' +
      'sample: does not have TSLA); the offline sample holds 20 tickers: AAPL, AMD, …',
  })
  message!: string | null;

  @ApiProperty({ type: [String], example: ['TSL'], description: 'known tickers closest in spelling (up to 3)' })
  nearest!: string[];
}
