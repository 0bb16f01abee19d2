/**
 * Every queue and job PortoFino runs, with its payload type: the one place they are named.
 * A domain adds its queue here; start-up of a worker fails if a job below has no handler.
 * (The recovery of stranded work is not a job: it runs on a timer in each worker, see JobRecovery.)
 */
export interface JobCatalogue {
  simulations: {
    /** Runs one submitted simulation (the job id is the simulation id). */
    run: { simulationId: string };
  };
  reports: {
    /** Builds one requested report workbook (the job id is the report id). */
    build: { reportId: string };
  };
  comparisons: {
    /** Runs one comparison: every member simulated (the job id is the comparison id). */
    run: { comparisonId: string };
  };
  projections: {
    /** Runs one requested Monte Carlo projection (the job id is the projection id). */
    run: { projectionId: string };
  };
  studies: {
    /**
     * Evaluates one chunk of a study's candidates and stores its result; the worker storing the last one merges
     * and finalises the study (the job id is `${studyId}:${chunk}`).
     */
    chunk: { studyId: string; chunk: number };
  };
  maintenance: {
    /** Deletes outbox events published more than `olderThanHours` ago. */
    'outbox.prune': { olderThanHours: number };
  };
}

export type QueueName = keyof JobCatalogue & string;
export type JobName<Q extends QueueName> = keyof JobCatalogue[Q] & string;
export type JobData<Q extends QueueName, J extends JobName<Q>> = JobCatalogue[Q][J];

/** The catalogue at run time (the compiler checks it lists exactly the names above). */
export const JOB_NAMES: { [Q in QueueName]: readonly JobName<Q>[] } = {
  simulations: ['run'],
  reports: ['build'],
  comparisons: ['run'],
  projections: ['run'],
  studies: ['chunk'],
  maintenance: ['outbox.prune'],
};

export const QUEUE_NAMES = Object.keys(JOB_NAMES) as QueueName[];

/**
 * Jobs a worker process runs at once on a queue, where QUEUE_CONCURRENCY does not fit: a study chunk already
 * uses every STUDY_THREADS thread of its process, so each process takes one at a time and leaves the others
 * to other workers.
 */
export const QUEUE_CONCURRENCY: Partial<Record<QueueName, number>> = { studies: 1 };
