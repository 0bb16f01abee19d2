import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { DRAWDOWN_EPISODE_LIMITS, ROLLING_LIMITS } from '../../../engine';

/** What the analysis shows: the rolling window, and which drawdown episodes. */
export class SimulationAnalysisQueryDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: ROLLING_LIMITS.minWindow,
    maximum: ROLLING_LIMITS.maxWindow,
    default: 252,
    description: 'rolling window in trading days: 126 ≈ 6 months, 252 ≈ 12 months, 756 ≈ 36 months, or any length',
    example: 252,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(ROLLING_LIMITS.minWindow)
  @Max(ROLLING_LIMITS.maxWindow)
  rollingWindow?: number;

  @ApiPropertyOptional({
    type: 'number',
    minimum: 0,
    maximum: 1,
    description:
      'only drawdown episodes deeper than this fraction (0.1: deeper than −10 %); without it the ten deepest are listed',
    example: 0.1,
  })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0)
  @Max(1)
  drawdownDeeperThan?: number;

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: DRAWDOWN_EPISODE_LIMITS.maxLimit,
    description: `at most this many drawdown episodes, deepest first: default ${DRAWDOWN_EPISODE_LIMITS.defaultLimit}, or ${DRAWDOWN_EPISODE_LIMITS.defaultLimitWithThreshold} with drawdownDeeperThan`,
    example: 10,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(DRAWDOWN_EPISODE_LIMITS.maxLimit)
  drawdownLimit?: number;
}
