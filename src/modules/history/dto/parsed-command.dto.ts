import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import type { PortfolioCommand } from '../../../engine';

/**
 * The parsed command as the API documents it: the engine's PortfolioCommand (src/engine/command/command.types.ts)
 * field for field, so the dashboard reads positions, dates and options without parsing the canonical form again.
 * `ParsedCommandDto.from` is a typed assignment: a change to the engine's type that the document does not follow
 * stops the type check.
 */
export class PositionDto {
  @ApiProperty({ description: 'upper case as written (BRK-B, ^GSPC), a synthetic ticker (SPY?L=2) or CASH' })
  ticker!: string;
  @ApiProperty({ enum: ['L', 'S'], description: 'L long, S short' }) side!: 'L' | 'S';
  @ApiProperty({ description: 'weight in percent as written (12.5 for 12.5%)' }) weightPercent!: number;
}

export class NoRebalanceDto {
  @ApiProperty({ enum: ['none'], description: 'buy and hold' }) kind!: 'none';
}

export class PeriodicRebalanceDto {
  @ApiProperty({ enum: ['periodic'] }) kind!: 'periodic';
  @ApiProperty({ enum: ['daily', 'weekly', 'monthly', 'quarterly', 'yearly'] })
  frequency!: 'daily' | 'weekly' | 'monthly' | 'quarterly' | 'yearly';
}

export class BandRebalanceDto {
  @ApiProperty({ enum: ['band'] }) kind!: 'band';
  @ApiProperty({ description: 'rebalance when a weight is this many percentage points from its target' })
  thresholdPercent!: number;
}

export class ContributionDto {
  @ApiProperty({ description: 'money a period; negative: a withdrawal' }) amount!: number;
  @ApiProperty({ enum: ['month', 'quarter', 'year'] }) period!: 'month' | 'quarter' | 'year';
}

export class ConstantRateDto {
  @ApiProperty({ enum: ['constant'] }) kind!: 'constant';
  @ApiProperty({ description: 'percent a year' }) percent!: number;
}

export class SeriesRateDto {
  @ApiProperty({ enum: ['series'] }) kind!: 'series';
  @ApiProperty({ description: 'a series of annual percentages (^IRX)' }) ticker!: string;
}

export class IndexInflationDto {
  @ApiProperty({ enum: ['index'] }) kind!: 'index';
  @ApiProperty({ description: 'a price-level index (CPI)' }) ticker!: string;
}

const oneOf = (...models: (new () => object)[]) => models.map((model) => ({ $ref: getSchemaPath(model) }));

@ApiExtraModels(
  NoRebalanceDto,
  PeriodicRebalanceDto,
  BandRebalanceDto,
  ConstantRateDto,
  SeriesRateDto,
  IndexInflationDto,
)
export class CommandOptionsDto {
  @ApiProperty() capital!: number;
  @ApiProperty({ oneOf: oneOf(NoRebalanceDto, PeriodicRebalanceDto, BandRebalanceDto) })
  rebalance!: NoRebalanceDto | PeriodicRebalanceDto | BandRebalanceDto;
  @ApiProperty({ description: 'fee in percent of traded value' }) feePercent!: number;
  @ApiProperty({ description: 'annual risk-free rate in percent (Sharpe, Sortino)' }) riskFreePercent!: number;
  @ApiProperty({ type: String, nullable: true }) benchmark!: string | null;
  @ApiProperty({ type: ContributionDto, nullable: true }) contribution!: ContributionDto | null;
  @ApiProperty({ oneOf: oneOf(ConstantRateDto, SeriesRateDto), description: 'earned by positive cash' })
  cashRate!: ConstantRateDto | SeriesRateDto;
  @ApiProperty({ oneOf: oneOf(ConstantRateDto, SeriesRateDto), description: 'paid on negative cash' })
  borrowRate!: ConstantRateDto | SeriesRateDto;
  @ApiProperty({
    oneOf: oneOf(ConstantRateDto, IndexInflationDto),
    nullable: true,
    description: 'for real returns; null: nominal only',
  })
  inflation!: ConstantRateDto | IndexInflationDto | null;
}

export class ParsedCommandDto {
  @ApiProperty({ type: [PositionDto] }) positions!: PositionDto[];
  @ApiProperty({ description: 'first calendar day asked, YYYY-MM-DD' }) start!: string;
  @ApiProperty({ description: 'last calendar day asked, YYYY-MM-DD' }) end!: string;
  @ApiProperty({ type: CommandOptionsDto, description: 'every option, defaults included' })
  options!: CommandOptionsDto;

  static from(command: PortfolioCommand): ParsedCommandDto {
    return command;
  }
}
