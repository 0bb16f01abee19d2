import type { EventTransport, ReceivedMessage, TransportMessage } from '../../src/events/event-transport';
import { eventually } from '../support/test-app';

/** The behaviour domains rely on from an event transport; Kafka and the in-process bus pass the same cases. */
export function describeEventTransportContract(
  name: string,
  create: () => Promise<{
    transport: EventTransport;
    topic: () => string;
    group: () => string;
    close(): Promise<void>;
  }>,
) {
  describe(`EventTransport contract: ${name}`, () => {
    let context: Awaited<ReturnType<typeof create>>;

    beforeAll(async () => {
      context = await create();
    });

    afterAll(async () => {
      await context.close();
    });

    const message = (topic: string, key: string, n: number): TransportMessage => ({
      topic,
      key,
      value: JSON.stringify({ n, key, text: 'żółw – 龜 – "quoted"' }),
      headers: { 'event-type': 'test.happened', 'event-id': `${key}-${n}` },
    });

    it('delivers key, JSON value and headers intact, in order per key', async () => {
      const topic = context.topic();
      const received: ReceivedMessage[] = [];
      const subscription = await context.transport.subscribe(
        { groupId: context.group(), topics: [topic], fromBeginning: true },
        async (m) => {
          received.push(m);
        },
      );
      const sent = [1, 2, 3, 4, 5].flatMap((n) => [message(topic, 'sim-a', n), message(topic, 'sim-b', n)]);
      await context.transport.send(sent);
      await eventually(async () => (received.length >= sent.length ? true : undefined), 30_000, 'all messages');
      await subscription.close();

      expect(received).toHaveLength(sent.length);
      for (const key of ['sim-a', 'sim-b']) {
        const forKey = received.filter((m) => m.key === key);
        expect(forKey.map((m) => (JSON.parse(m.value) as { n: number }).n)).toEqual([1, 2, 3, 4, 5]);
        expect(forKey.map((m) => m.headers['event-id'])).toEqual([1, 2, 3, 4, 5].map((n) => `${key}-${n}`));
      }
      expect(JSON.parse(received[0].value)).toEqual({ n: 1, key: received[0].key, text: 'żółw – 龜 – "quoted"' });
      expect(received.every((m) => m.topic === topic && m.headers['event-type'] === 'test.happened')).toBe(true);
    });

    it('gives each consumer group every message once', async () => {
      const topic = context.topic();
      const groupOne: string[] = [];
      const groupTwo: string[] = [];
      const first = await context.transport.subscribe(
        { groupId: context.group(), topics: [topic], fromBeginning: true },
        async (m) => {
          groupOne.push(m.headers['event-id']);
        },
      );
      const second = await context.transport.subscribe(
        { groupId: context.group(), topics: [topic], fromBeginning: true },
        async (m) => {
          groupTwo.push(m.headers['event-id']);
        },
      );
      await context.transport.send([message(topic, 'k', 1), message(topic, 'k', 2)]);
      await eventually(
        async () => (groupOne.length >= 2 && groupTwo.length >= 2 ? true : undefined),
        30_000,
        'both groups',
      );
      await new Promise((resolve) => setTimeout(resolve, 300));
      await Promise.all([first.close(), second.close()]);
      expect(groupOne).toEqual(['k-1', 'k-2']);
      expect(groupTwo).toEqual(['k-1', 'k-2']);
    });

    it('replays earlier messages to a group that starts from the beginning', async () => {
      const topic = context.topic();
      await context.transport.send([message(topic, 'early', 1)]);
      const received: string[] = [];
      const late = await context.transport.subscribe(
        { groupId: context.group(), topics: [topic], fromBeginning: true },
        async (m) => {
          received.push(m.headers['event-id']);
        },
      );
      await eventually(async () => (received.length >= 1 ? true : undefined), 30_000, 'the replayed message');
      await late.close();
      expect(received).toEqual(['early-1']);
    });

    it('reports healthy', async () => {
      expect((await context.transport.health()).up).toBe(true);
    });
  });
}
