import Bull from 'bull';
import { BullJobQueues } from '../../src/queue/bull-job-queues';
import { InMemoryJobQueues } from '../../src/queue/in-memory-job-queues';
import { testRedisUrl, uniquePrefix } from '../harness/test-services';
import { describeJobQueuesContract } from './job-queues.contract';

describeJobQueuesContract('in-process', async () => {
  const queues = new InMemoryJobQueues();
  return { queues, close: () => queues.beforeApplicationShutdown() };
});

describeJobQueuesContract('Bull on Redis', async () => {
  const queue = new Bull('maintenance', testRedisUrl(), { prefix: uniquePrefix('bull') });
  const queues = new BullJobQueues(new Map([['maintenance', queue]]));
  return { queues, close: () => queues.beforeApplicationShutdown() };
});
