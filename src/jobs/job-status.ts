/**
 * The states every job kind (simulations, reports, and the comparisons, projections and studies to come) moves
 * through: queued → running → completed | failed. A final state is never overwritten: every state change is
 * written only while the record is still unfinished.
 */
export const JOB_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/** The states a state change may still leave (SQL: `status IN ('queued', 'running')`). */
export const UNFINISHED_JOB_STATUSES = ['queued', 'running'] as const satisfies readonly JobStatus[];

export const isFinished = (status: JobStatus): boolean => status === 'completed' || status === 'failed';

/** Where a job is: its phase for people (null before it starts) and a percentage. */
export interface JobProgressState {
  phase: string | null;
  percent: number;
}

/** The columns every job record shares, as one state change writes them (undefined: left as it is). */
export interface JobStateChange {
  status?: JobStatus;
  progressPhase?: string | null;
  progressPercent?: number;
  failureReason?: string | null;
  startedAt?: Date;
  finishedAt?: Date;
}
