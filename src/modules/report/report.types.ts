import type { ReportStatus } from './entities/report.entity';

export type { ReportStatus };

export interface ReportRecord {
  id: string;
  userId: string;
  simulationId: string;
  status: ReportStatus;
  progress: { phase: string | null; percent: number };
  failureReason: string | null;
  failureCode: string | null;
  storageKey: string | null;
  fileName: string | null;
  sizeBytes: number | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface ReportChange {
  status?: ReportStatus;
  progressPhase?: string | null;
  progressPercent?: number;
  failureReason?: string | null;
  failureCode?: string | null;
  storageKey?: string | null;
  fileName?: string | null;
  sizeBytes?: number | null;
  startedAt?: Date;
  finishedAt?: Date;
}
