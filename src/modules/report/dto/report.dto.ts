import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { REPORT_STATUSES, ReportStatus } from '../entities/report.entity';
import type { ReportRecord } from '../report.types';

export class ReportRequestDto {
  @ApiProperty({ format: 'uuid', description: 'one of your completed simulations' })
  @IsUUID()
  simulationId!: string;

  @ApiPropertyOptional({
    default: false,
    description: 'build a new workbook even if one of this simulation exists (or is being built)',
  })
  @IsOptional()
  @IsBoolean()
  force?: boolean;
}

export class ReportAcceptedDto {
  @ApiProperty({ format: 'uuid' }) reportId!: string;
  @ApiProperty({ format: 'uuid', description: 'the queued job (its id is the report id)' }) taskId!: string;
  @ApiProperty({ format: 'uuid' }) simulationId!: string;
  @ApiProperty({ enum: REPORT_STATUSES, description: 'completed when an existing report was reused' })
  status!: ReportStatus;
  @ApiProperty({ description: 'false when an existing report of the simulation was reused' }) created!: boolean;

  static from(report: ReportRecord, created: boolean): ReportAcceptedDto {
    return {
      reportId: report.id,
      taskId: report.id,
      simulationId: report.simulationId,
      status: report.status,
      created,
    };
  }
}

export class ReportProgressDto {
  @ApiProperty({ nullable: true, type: String }) phase!: string | null;
  @ApiProperty() percent!: number;
}

export class ReportDto {
  @ApiProperty({ format: 'uuid' }) reportId!: string;
  @ApiProperty({ format: 'uuid' }) simulationId!: string;
  @ApiProperty({ enum: REPORT_STATUSES }) status!: ReportStatus;
  @ApiProperty({ type: ReportProgressDto }) progress!: ReportProgressDto;
  @ApiProperty({ nullable: true, type: String, description: 'why the report failed, in words a person can act on' })
  failureReason!: string | null;
  @ApiProperty({ nullable: true, type: String }) failureCode!: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    example: 'portofino-aapl-l-50pct-msft-l-50pct-2020-01-01-2022-12-28-2026-01-05.xlsx',
  })
  fileName!: string | null;
  @ApiProperty({ nullable: true, type: Number }) sizeBytes!: number | null;
  @ApiProperty({ nullable: true, type: String, description: 'GET it to download the workbook once completed' })
  downloadUrl!: string | null;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) startedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) finishedAt!: string | null;

  static from(report: ReportRecord): ReportDto {
    return {
      reportId: report.id,
      simulationId: report.simulationId,
      status: report.status,
      progress: report.progress,
      failureReason: report.failureReason,
      failureCode: report.failureCode,
      fileName: report.fileName,
      sizeBytes: report.sizeBytes,
      downloadUrl: report.status === 'completed' ? `/report/${report.id}/download` : null,
      createdAt: report.createdAt.toISOString(),
      startedAt: report.startedAt?.toISOString() ?? null,
      finishedAt: report.finishedAt?.toISOString() ?? null,
    };
  }
}
