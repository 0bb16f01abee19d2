import type { ComparisonOutcome, ComparisonPeriodMode } from '../../engine';
import type { JobStateChange } from '../../jobs/job-status';
import type { ComparisonStatus } from './entities/comparison.entity';

export type { ComparisonStatus };

/** A member as stored: what was asked and its canonical command. */
export interface StoredMember {
  name: string;
  named: boolean;
  command: string;
  canonical: string;
}

export interface ComparisonRecord {
  id: string;
  userId: string;
  status: ComparisonStatus;
  periodMode: ComparisonPeriodMode;
  members: StoredMember[];
  simulationIds: string[] | null;
  progress: { phase: string | null; percent: number };
  failureReason: string | null;
  failureCode: string | null;
  failureMember: number | null;
  result: ComparisonOutcome | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
}

/** A state change of a comparison: the shared job columns, and the comparison's own. */
export interface ComparisonChange extends JobStateChange {
  failureCode?: string | null;
  failureMember?: number | null;
  result?: string | null;
}
