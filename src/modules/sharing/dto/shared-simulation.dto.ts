import { ApiProperty, OmitType } from '@nestjs/swagger';
import type { SimulationAnalysisDto } from '../../history/dto/simulation-analysis.dto';
import { SimulationDetailDto } from '../../history/dto/simulation-detail.dto';
import type { SimulationRecord, StoredSimulationResult } from '../../history/history.types';

/**
 * A shared simulation's result: what its owner's results page shows, without anything about the owner or their
 * workspace (no user, no simulation id, no submission times).
 */
export class SharedSimulationResultDto extends OmitType(SimulationDetailDto, [
  'id',
  'progress',
  'failureReason',
  'createdAt',
  'startedAt',
  'finishedAt',
] as const) {}

export class SharedSimulationDto {
  @ApiProperty({ enum: ['simulation'], description: 'what is shared (a comparison: SharedComparisonDto)' })
  kind!: 'simulation';

  @ApiProperty({ description: 'when the link was created' })
  sharedAt!: string;

  @ApiProperty({ type: SharedSimulationResultDto })
  simulation!: SharedSimulationResultDto;

  static from(
    sharedAt: Date,
    record: SimulationRecord,
    result: StoredSimulationResult,
    tradeLimit?: number,
    analysis: SimulationAnalysisDto | null = null,
  ): SharedSimulationDto {
    // Listed field by field (not spread and deleted): a field added to the detail later is not shared by accident.
    const detail = SimulationDetailDto.fromDetail(record, result, tradeLimit, analysis);
    const simulation: SharedSimulationResultDto = {
      command: detail.command,
      canonical: detail.canonical,
      status: detail.status,
      startDate: detail.startDate,
      endDate: detail.endDate,
      tickers: detail.tickers,
      cagr: detail.cagr,
      sharpe: detail.sharpe,
      maxDrawdown: detail.maxDrawdown,
      totalReturn: detail.totalReturn,
      parsedCommand: detail.parsedCommand,
      metrics: detail.metrics,
      summary: detail.summary,
      series: detail.series,
      trades: detail.trades,
      tradeCount: detail.tradeCount,
      rolling: detail.rolling,
      drawdownEpisodes: detail.drawdownEpisodes,
    };
    return { kind: 'simulation', sharedAt: sharedAt.toISOString(), simulation };
  }
}
