import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsNumber, IsObject, IsOptional, IsString, Matches, MaxLength, ValidateNested } from 'class-validator';

/**
 * One word of printable ASCII, up to `max` characters: what an option value can be. Written the same for the
 * validation and for the OpenAPI document (`\S` differs between regular-expression dialects; this does not).
 */
const word = (max: number) => ({ regex: new RegExp(`^[!-~]{1,${max}}$`), pattern: `^[!-~]{1,${max}}$` });
const WORD_40 = word(40);
const WORD_20 = word(20);

/** Option overrides in JSON: each replaces the command's `key=value` token of the same name. */
export class SimulationOptionOverridesDto {
  @ApiPropertyOptional({ example: 250000, description: 'starting capital' })
  @IsOptional()
  @IsNumber({ allowNaN: false, allowInfinity: false })
  capital?: number;

  @ApiPropertyOptional({
    example: 'monthly',
    pattern: WORD_40.pattern,
    description: 'none | daily | weekly | monthly | quarterly | yearly | band:5%',
  })
  @IsOptional()
  @IsString()
  @Matches(WORD_40.regex, { message: 'rebalance must be one word, such as monthly or band:5%' })
  rebalance?: string;

  @ApiPropertyOptional({
    example: '0.1%',
    pattern: WORD_20.pattern,
    description: 'fee as a percentage of traded value',
  })
  @IsOptional()
  @IsString()
  @Matches(WORD_20.regex, { message: 'fee must be one word, such as 0.1%' })
  fee?: string;

  @ApiPropertyOptional({ example: '2%', pattern: WORD_20.pattern, description: 'annual risk-free rate' })
  @IsOptional()
  @IsString()
  @Matches(WORD_20.regex, { message: 'rf must be one word, such as 2%' })
  rf?: string;

  @ApiPropertyOptional({ example: '^GSPC', pattern: WORD_40.pattern })
  @IsOptional()
  @IsString()
  @Matches(WORD_40.regex, { message: 'benchmark must be one ticker' })
  benchmark?: string;

  @ApiPropertyOptional({
    example: '1000/month',
    pattern: WORD_40.pattern,
    description: 'amount/month|quarter|year; negative withdraws',
  })
  @IsOptional()
  @IsString()
  @Matches(WORD_40.regex, { message: 'contribute must be one word, such as 1000/month' })
  contribute?: string;

  @ApiPropertyOptional({
    example: '4%',
    pattern: WORD_20.pattern,
    description: 'annual rate earned by cash: a percentage or a rate series ticker',
  })
  @IsOptional()
  @IsString()
  @Matches(WORD_20.regex, { message: 'cash must be one word, such as 4% or ^IRX' })
  cash?: string;

  @ApiPropertyOptional({
    example: '6%',
    pattern: WORD_20.pattern,
    description: 'annual rate paid on loans: a percentage or a rate series ticker',
  })
  @IsOptional()
  @IsString()
  @Matches(WORD_20.regex, { message: 'borrow must be one word, such as 6% or ^IRX' })
  borrow?: string;

  @ApiPropertyOptional({
    example: '3%',
    pattern: WORD_20.pattern,
    description: 'annual inflation or a price index ticker, for real returns',
  })
  @IsOptional()
  @IsString()
  @Matches(WORD_20.regex, { message: 'inflation must be one word, such as 3% or CPIAUCSL' })
  inflation?: string;
}

export class SimulateRequestDto {
  @ApiProperty({
    example: 'AAPL-L-50% MSFT-L-50% 2020-01-01 2023-01-01',
    maxLength: 1000,
    description:
      'positions TICKER-SIDE-WEIGHT%, start and end dates, then options key=value (docs/command-language.md)',
  })
  @IsString()
  @MaxLength(1000)
  command!: string;

  @ApiPropertyOptional({ type: SimulationOptionOverridesDto })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => SimulationOptionOverridesDto)
  options?: SimulationOptionOverridesDto;
}

export class SimulationAcceptedDto {
  @ApiProperty({ format: 'uuid' })
  simulationId!: string;

  @ApiProperty({ description: 'the queue job that runs it (equal to simulationId)' })
  taskId!: string;

  @ApiProperty({ enum: ['queued', 'running', 'completed', 'failed'] })
  status!: string;

  @ApiProperty({ description: 'the command as it will run, in canonical form' })
  canonical!: string;
}
