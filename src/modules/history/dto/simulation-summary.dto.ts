import { ApiProperty } from '@nestjs/swagger';
import { SIMULATION_STATUSES, SimulationStatus } from '../entities/simulation.entity';
import type { SimulationRecord } from '../history.types';
import { ParsedCommandDto } from './parsed-command.dto';

export class SimulationProgressDto {
  @ApiProperty({ nullable: true, example: 'fetching prices 1/2', type: String })
  phase!: string | null;

  @ApiProperty({ example: 40 })
  percent!: number;
}

/**
 * One row of the history list (and the head of GET /history/{id}): the command typed as the detail has it; the
 * headline metrics are null until the simulation completes.
 */
export class SimulationSummaryDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'AAPL-L-50% MSFT-L-50% 2020-01-01 2023-01-01' })
  command!: string;

  @ApiProperty({ description: 'the command in canonical form (display and de-duplication)' })
  canonical!: string;

  @ApiProperty({ type: ParsedCommandDto, description: 'positions, dates and options as parsed at submission' })
  parsedCommand!: ParsedCommandDto;

  @ApiProperty({ enum: SIMULATION_STATUSES })
  status!: SimulationStatus;

  @ApiProperty({ example: '2020-01-01' })
  startDate!: string;

  @ApiProperty({ example: '2023-01-01' })
  endDate!: string;

  @ApiProperty({ type: [String], example: ['AAPL', 'MSFT'] })
  tickers!: string[];

  @ApiProperty({ type: SimulationProgressDto })
  progress!: SimulationProgressDto;

  @ApiProperty({ nullable: true, type: String, description: 'why it failed, in words a person can act on' })
  failureReason!: string | null;

  @ApiProperty({ nullable: true, type: Number })
  cagr!: number | null;

  @ApiProperty({ nullable: true, type: Number })
  sharpe!: number | null;

  @ApiProperty({ nullable: true, type: Number })
  maxDrawdown!: number | null;

  @ApiProperty({ nullable: true, type: Number })
  totalReturn!: number | null;

  @ApiProperty()
  createdAt!: string;

  @ApiProperty({ nullable: true, type: String })
  startedAt!: string | null;

  @ApiProperty({ nullable: true, type: String })
  finishedAt!: string | null;

  static from(record: SimulationRecord): SimulationSummaryDto {
    return {
      id: record.id,
      command: record.command,
      canonical: record.canonical,
      parsedCommand: ParsedCommandDto.from(record.parsedCommand),
      status: record.status,
      startDate: record.startDate,
      endDate: record.endDate,
      tickers: record.tickers,
      progress: record.progress,
      failureReason: record.failureReason,
      ...record.headline,
      createdAt: record.createdAt.toISOString(),
      startedAt: record.startedAt?.toISOString() ?? null,
      finishedAt: record.finishedAt?.toISOString() ?? null,
    };
  }
}

export class HistoryPageDto {
  @ApiProperty({ type: [SimulationSummaryDto] })
  items!: SimulationSummaryDto[];

  @ApiProperty({ example: 1 })
  page!: number;

  @ApiProperty({ example: 20 })
  size!: number;

  @ApiProperty({ example: 57, description: 'entries matching the filters, over all pages' })
  total!: number;
}
