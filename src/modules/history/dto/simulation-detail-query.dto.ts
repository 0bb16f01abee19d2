import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Min } from 'class-validator';
import { SimulationAnalysisQueryDto } from './simulation-analysis-query.dto';

/** The trades shown, and the analysis options (`rolling`, `drawdownEpisodes`). */
export class SimulationDetailQueryDto extends SimulationAnalysisQueryDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 0,
    description:
      'at most this many trades (the first ones) in `trades`; all when absent. A daily-rebalanced portfolio of many ' +
      'assets over decades makes hundreds of thousands; `tradeCount` always says how many there are.',
    example: 200,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  trades?: number;
}
