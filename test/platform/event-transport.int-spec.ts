import { Kafka, logLevel } from 'kafkajs';
import { InProcessEventTransport } from '../../src/events/in-process-event.transport';
import { KafkaEventTransport } from '../../src/events/kafka-event.transport';
import { testKafkaBrokers, uniqueName } from '../harness/test-services';
import { describeEventTransportContract } from './event-transport.contract';

describeEventTransportContract('in-process', async () => {
  const transport = new InProcessEventTransport();
  return {
    transport,
    topic: () => uniqueName('topic'),
    group: () => uniqueName('group'),
    close: async () => undefined,
  };
});

describeEventTransportContract('Kafka', async () => {
  // Kafka topics must exist before use (auto-creation is off): the transport creates those it is given.
  const topics = Array.from({ length: 3 }, () => uniqueName('portofino.test.events'));
  const transport = new KafkaEventTransport({
    brokers: testKafkaBrokers(),
    clientId: uniqueName('client'),
    topics,
    topicPartitions: 3,
    replicationFactor: 1,
  });
  let next = 0;
  return {
    transport,
    topic: () => topics[next++],
    group: () => uniqueName('group'),
    close: () => transport.onApplicationShutdown(),
  };
});

describe('KafkaEventTransport start-up', () => {
  it('creates its topics with the configured partitions and refuses nothing when they exist', async () => {
    const topics = [uniqueName('portofino.a.events.v1'), uniqueName('portofino.b.events.v1')];
    const options = {
      brokers: testKafkaBrokers(),
      clientId: uniqueName('client'),
      topics,
      topicPartitions: 4,
      replicationFactor: 1,
    };
    const first = new KafkaEventTransport(options);
    expect(await first.health()).toEqual({ up: true, kind: 'kafka', detail: '1 broker(s)' });
    await first.onApplicationShutdown();
    const second = new KafkaEventTransport(options);
    expect((await second.health()).up).toBe(true);
    await second.onApplicationShutdown();

    const admin = new Kafka({ brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    const metadata = await admin.fetchTopicMetadata({ topics });
    await admin.disconnect();
    expect(metadata.topics.map((topic) => [topic.name, topic.partitions.length]).sort()).toEqual(
      topics.map((topic) => [topic, 4]).sort(),
    );
  });

  it('reports down, naming the cause, when no broker answers', async () => {
    const transport = new KafkaEventTransport({
      brokers: ['127.0.0.1:1'],
      clientId: uniqueName('client'),
      topics: [],
      topicPartitions: 1,
      replicationFactor: 1,
    });
    const state = await transport.health();
    await transport.onApplicationShutdown();
    expect(state.up).toBe(false);
    expect(state.kind).toBe('kafka');
    expect(state.detail).toMatch(/ECONNREFUSED|Connection error|connect/i);
  });
});
