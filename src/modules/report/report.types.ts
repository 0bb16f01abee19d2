import type { JobStateChange } from '../../jobs/job-status';
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

/** A state change of a report: the shared job columns, and the report's own. */
export interface ReportChange extends JobStateChange {
  failureCode?: string | null;
  storageKey?: string | null;
  fileName?: string | null;
  sizeBytes?: number | null;
}
