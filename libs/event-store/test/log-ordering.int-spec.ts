import { setTimeout as sleep } from 'node:timers/promises';
import { RecordedEvent } from '@caravan/event-store';
import {
  appendTo,
  closeStoreFixture,
  event,
  openStoreFixture,
  StoreFixture,
} from './event-store.int-fixture';

// The property every log reader relies on: following the log by index from a checkpoint yields
// each committed event exactly once, in strictly increasing gapless order, including events whose
// transaction committed after later-numbered ones ("late committers").

const WRITERS = 16;
const EVENTS_PER_WRITER = 640; // 16 x 640 = 10,240 events

describe('log ordering under concurrent appenders', () => {
  let fixture: StoreFixture | undefined;
  afterEach(async () => closeStoreFixture(fixture));

  it('a follower sees every committed event exactly once, in index order, never skipping a late commit', async () => {
    fixture = await openStoreFixture(24);
    const { store } = fixture;
    const committed = new Set<string>();
    let writing = true;

    const seen: RecordedEvent[] = [];
    const follower = (async () => {
      let checkpoint = 0;
      for (;;) {
        const batch = await store.readLog(checkpoint, 500);
        seen.push(...batch);
        if (batch.length > 0) checkpoint = batch[batch.length - 1]!.logIndex;
        else if (!writing && checkpoint >= (await store.headIndex())) return;
        else await sleep(2);
      }
    })();

    const writer = async (w: number): Promise<void> => {
      for (let i = 0; i < EVENTS_PER_WRITER; i += 2) {
        const events = [event('A', { w, i }), event('B', { w, i })];
        if (w % 4 === 0) {
          // A slow transaction: its events get low positions but commit after others' events.
          await store.transaction(async (tx) => {
            await tx.append(appendTo(`stream-${w}`, 'any', ...events));
            await sleep(i % 10 === 0 ? 15 : 1);
          });
        } else {
          await store.append(appendTo(`stream-${w}`, 'any', ...events));
        }
        for (const e of events) committed.add(e.id);
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, (_, w) => writer(w)));
    writing = false;
    await follower;

    expect(committed.size).toBe(WRITERS * EVENTS_PER_WRITER);
    expect(seen.length).toBe(committed.size);
    expect(new Set(seen.map((e) => e.id))).toEqual(committed);
    seen.forEach((e, k) => expect(e.logIndex).toBe(k + 1));
    // Global positions are allocated at insert time, so some arrive out of order: the case a
    // position-based reader would get wrong.
    const outOfOrder = seen.filter(
      (e, k) => k > 0 && e.globalPosition < seen[k - 1]!.globalPosition,
    );
    expect(outOfOrder.length).toBeGreaterThan(0);
  }, 120_000);

  it('keeps each stream in stream order within the log', async () => {
    fixture = await openStoreFixture();
    const { store } = fixture;
    await Promise.all(
      Array.from({ length: 8 }, async (_, w) => {
        for (let i = 0; i < 25; i++) await store.append(appendTo(`s-${w}`, i, event('E', { i })));
      }),
    );
    const log = await store.readLog(0, 1000);
    for (let w = 0; w < 8; w++) {
      const positions = log.filter((e) => e.streamId === `s-${w}`).map((e) => e.streamPosition);
      expect(positions).toEqual(Array.from({ length: 25 }, (_, k) => k + 1));
    }
  });
});
