import type { RecordedEvent } from '@caravan/event-store';
import { kafkaBrokers, uniqueName, waitFor } from '@caravan/testkit';
import { Forwarder, FORWARDER_NAME } from '../src/forwarder/forwarder';
import { createSubscriber, type MessagingTransport } from '../src/subscription/subscriber.factory';
import type { Subscriber, Subscription } from '../src/subscription/subscription.types';
import {
  STREAMS,
  appendInterleaved,
  indexesByCategoryAndKey,
  isStrictlyIncreasing,
  openFixture,
  type MessagingFixture,
} from './messaging.fixture';

jest.setTimeout(90_000);

// One contract, two transports: the same suite runs over a Kafka consumer group (fed by a
// forwarder) and over the store tail.
describe.each(['kafka', 'store-tail'] as const)('Subscription over %s', (mode) => {
  let fx: MessagingFixture;
  let forwarder: Forwarder | undefined;
  let subscriber: Subscriber;
  const running: Subscription[] = [];

  beforeEach(async () => {
    fx = await openFixture();
    const { topicPrefix, store, ports, kafka } = fx;
    const transport: MessagingTransport =
      mode === 'kafka'
        ? { mode, kafka: { brokers: kafkaBrokers(), partitions: 3, topicPrefix } }
        : { mode };
    subscriber = createSubscriber(transport, { ...ports, kafka }, { pollIntervalMs: 60_000 });
    if (mode === 'kafka') {
      forwarder = new Forwarder(
        {
          log: store,
          checkpoints: ports.checkpoints,
          leader: ports.leaderFor(FORWARDER_NAME),
          kafka,
        },
        { topicPrefix, partitions: 3, batchSize: 20 },
      );
      await forwarder.start();
    }
  });

  afterEach(async () => {
    for (const subscription of running.splice(0)) await subscription.stop();
    await forwarder?.stop();
    forwarder = undefined;
    await fx.close();
  });

  async function subscribe(
    name: string,
    categories: string[],
    handler: (e: RecordedEvent) => Promise<void>,
  ) {
    const subscription = await subscriber.subscribe({
      name,
      categories,
      handler,
      onError: () => undefined,
    });
    running.push(subscription);
    return subscription;
  }

  it('uses the transport the configuration names', () => {
    expect(subscriber.transport).toBe(mode);
  });

  it('delivers every event of its categories, and only those, in log order per key', async () => {
    const before = await appendInterleaved(fx.store, STREAMS, 4);
    const got: RecordedEvent[] = [];
    await subscribe(uniqueName('sub'), ['job', 'evaluation'], async (e) => {
      got.push(e);
    });
    const wanted = (log: RecordedEvent[]) => log.filter((e) => e.category !== 'node');
    // Delivery is at least once (ADR 0005): a consumer-group rebalance under load may deliver
    // an event again. What must hold is every event, and per key, first deliveries in order.
    const unique = () => firstDeliveries(got);
    await waitFor(() => unique().length >= wanted(before).length, {
      timeoutMs: 30_000,
      message: 'existing events',
    });

    // Appended after subscribing; the store tail polls every 60 s here, so only a notification is in time.
    const log = await appendInterleaved(fx.store, STREAMS, 2);
    await waitFor(() => unique().length >= wanted(log).length, {
      timeoutMs: 15_000,
      message: 'new events',
    });

    expect([...unique()].sort((a, b) => a.logIndex - b.logIndex)).toEqual(wanted(log));
    for (const [key, indexes] of indexesByCategoryAndKey(unique())) {
      expect({ key, ordered: isStrictlyIncreasing(indexes) }).toEqual({ key, ordered: true });
    }
  });

  it('redelivers an event whose handler failed, holding back later events of its key', async () => {
    const log = await appendInterleaved(fx.store, STREAMS, 4);
    const jobs = log.filter((e) => e.category === 'job');
    const failing = jobs[Math.floor(jobs.length / 2)]!;
    const attempts: number[] = [];
    const handled: number[] = [];
    let failuresLeft = 2;
    await subscribe(uniqueName('sub'), ['job'], async (e) => {
      attempts.push(e.logIndex);
      if (e.logIndex === failing.logIndex && failuresLeft-- > 0)
        throw new Error('transient failure');
      handled.push(e.logIndex);
    });

    await waitFor(() => new Set(handled).size >= jobs.length, {
      timeoutMs: 60_000,
      message: 'all handled',
    });
    // Two failures, then success; a rebalance may add a redelivery (at least once, ADR 0005).
    expect(attempts.filter((i) => i === failing.logIndex).length).toBeGreaterThanOrEqual(3);
    expect([...new Set(handled)].sort((a, b) => a - b)).toEqual(jobs.map((e) => e.logIndex));
    const sameKey = jobs
      .filter((e) => e.partitionKey === failing.partitionKey)
      .map((e) => e.logIndex);
    // Nothing of the key was handled past the failing event before it succeeded.
    expect([...new Set(handled.filter((i) => sameKey.includes(i)))]).toEqual(sameKey);
  });

  it('commits only after the handler resolved: a restarted subscription resumes at the failed event', async () => {
    const log = await appendInterleaved(fx.store, STREAMS, 4);
    const jobs = log.filter((e) => e.category === 'job');
    const poison = jobs[Math.floor(jobs.length / 2)]!;
    const name = uniqueName('sub');
    const handledByFirst: number[] = [];
    let poisonAttempts = 0;
    const first = await subscribe(name, ['job'], async (e) => {
      if (e.logIndex === poison.logIndex) {
        poisonAttempts += 1;
        throw new Error('handler crashed');
      }
      handledByFirst.push(e.logIndex);
    });
    await waitFor(() => poisonAttempts >= 2, { timeoutMs: 30_000, message: 'poison retried' });
    await first.stop();
    running.splice(running.indexOf(first), 1);

    const handledBySecond: number[] = [];
    await subscribe(name, ['job'], async (e) => {
      handledBySecond.push(e.logIndex);
    });
    await waitFor(() => handledBySecond.includes(poison.logIndex), {
      timeoutMs: 30_000,
      message: 'poison redelivered',
    });
    await waitFor(() => new Set([...handledByFirst, ...handledBySecond]).size === jobs.length, {
      timeoutMs: 30_000,
    });

    // The events of the poison's key before it were committed by the first instance: the second
    // starts that key at the poison (the position was never committed past an unfinished event).
    const sameKey = jobs
      .filter((e) => e.partitionKey === poison.partitionKey)
      .map((e) => e.logIndex);
    expect(handledBySecond.filter((i) => sameKey.includes(i))).toEqual(
      sameKey.filter((i) => i >= poison.logIndex),
    );
    expect(handledByFirst.filter((i) => sameKey.includes(i))).toEqual(
      sameKey.filter((i) => i < poison.logIndex),
    );
  });
});

/** Each event once, at its first delivery, in delivery order. */
function firstDeliveries(got: RecordedEvent[]): RecordedEvent[] {
  const seen = new Set<string>();
  return got.filter((e) => !seen.has(e.id) && seen.add(e.id));
}
