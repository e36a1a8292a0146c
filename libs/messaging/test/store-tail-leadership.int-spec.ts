import type { RecordedEvent } from '@caravan/event-store';
import { uniqueName, waitFor } from '@caravan/testkit';
import { StoreTailSubscriber } from '../src/subscription/store-tail-subscriber';
import type { Subscription } from '../src/subscription/subscription.types';
import {
  STREAMS,
  appendInterleaved,
  openFixture,
  type MessagingFixture,
} from './messaging.fixture';

jest.setTimeout(60_000);

describe('Store-tail subscription leadership', () => {
  let fx: MessagingFixture;
  const running: Subscription[] = [];

  beforeEach(async () => {
    fx = await openFixture();
  });

  afterEach(async () => {
    for (const subscription of running.splice(0)) await subscription.stop();
    await fx.close();
  });

  it('runs one instance per name at a time; another takes over when it stops', async () => {
    const subscriber = new StoreTailSubscriber(fx.ports, { pollIntervalMs: 200 });
    const name = uniqueName('sub');
    const handledBy: Record<'a' | 'b', number[]> = { a: [], b: [] };
    const start = async (instance: 'a' | 'b') => {
      const subscription = await subscriber.subscribe({
        name,
        categories: ['job'],
        handler: async (e: RecordedEvent) => {
          handledBy[instance].push(e.logIndex);
        },
      });
      running.push(subscription);
      return subscription;
    };
    const a = await start('a');
    const b = await start('b');
    const jobIndexes = (log: RecordedEvent[]) =>
      log.filter((e) => e.category === 'job').map((e) => e.logIndex);

    const first = jobIndexes(await appendInterleaved(fx.store, STREAMS, 3));
    const total = () => handledBy.a.length + handledBy.b.length;
    await waitFor(() => total() >= first.length, { timeoutMs: 20_000 });
    await new Promise((resolve) => setTimeout(resolve, 500)); // room for a second instance to misbehave
    expect(total()).toBe(first.length);
    const [leader, follower] =
      handledBy.a.length > 0 ? (['a', 'b'] as const) : (['b', 'a'] as const);
    expect(handledBy[leader]).toEqual(first);
    expect(handledBy[follower]).toEqual([]);

    await (leader === 'a' ? a : b).stop();
    const all = jobIndexes(await appendInterleaved(fx.store, STREAMS, 1));
    await waitFor(() => handledBy[follower].length >= all.length - first.length, {
      timeoutMs: 20_000,
    });
    expect(handledBy[follower]).toEqual(all.slice(first.length));
  });
});
