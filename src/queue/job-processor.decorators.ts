import { SetMetadata } from '@nestjs/common';
import type { JobName, QueueName } from './job-catalogue';

export const JOB_PROCESSOR = Symbol('portofino:job-processor');
export const HANDLES_JOB = Symbol('portofino:handles-job');

/** Marks a provider whose @HandlesJob methods consume jobs of `queue` (in the worker role only). */
export const JobProcessor = (queue: QueueName): ClassDecorator => SetMetadata(JOB_PROCESSOR, queue);

/** Marks the method that runs `name` jobs; it receives a JobContext and returns the job's result. */
export const HandlesJob = <Q extends QueueName>(name: JobName<Q>): MethodDecorator => SetMetadata(HANDLES_JOB, name);
