import { randomUUID } from 'node:crypto';
import {
  cutSleeper,
  eventCount,
  ev,
  openArena,
  sleepOnceWhenStamping,
  streamTruth,
  to,
  type Arena,
} from './adversarial.int-fixture';

// ATTACK: the recovery path (outcome-recovery.ts) decides "committed" from event ids alone.
// Whenever a group's round trip fails (cancel after COMMIT, or a whole-group abort), a command is
// declared committed iff every one of its event ids is found in es_events, regardless of who
// wrote them, into which stream, and regardless of how the ids are spelled.

describe('adversarial: outcome recovery identifies commands by event id only', () => {
  let arena: Arena;
  beforeEach(async () => {
    arena = await openArena();
  });
  afterEach(async () => arena.close());

  it('control: without a fault, a duplicate id in a group fails alone with DUPLICATE_EVENT', async () => {
    const store = await arena.open({ appendConcurrency: 1 });
    const shared = ev('Happened');
    const z = store.append(to('z', [ev()]));
    const a = store.append(to('a', [shared]));
    const b = store.append(to('b', [{ ...shared }]));
    const [, , rb] = await Promise.allSettled([z, a, b]);
    expect(rb).toMatchObject({ status: 'rejected', reason: { code: 'DUPLICATE_EVENT' } });
  });

  it('G2/G3: a duplicate-id command in a group cut after COMMIT is acknowledged although it wrote nothing', async () => {
    const store = await arena.open({ appendConcurrency: 1 });
    await sleepOnceWhenStamping(arena.admin, 'SleepHere');
    // z goes alone; a and b queue behind it and share the next group.
    const shared = ev('SleepHere');
    const z = store.append(to('z', [ev()]));
    const a = store.append(to('a', [shared]));
    const b = store.append(to('b', [{ ...shared }])); // same id, another stream: a duplicate
    await cutSleeper(arena.admin, 'pg_cancel_backend'); // the group's pass, after its COMMIT
    const [, ra, rb] = await Promise.allSettled([z, a, b]);

    expect(ra.status).toBe('fulfilled');
    // Stream b holds nothing: its command failed (unique violation) inside the group.
    expect(await streamTruth(arena.admin, 'b')).toEqual({ version: 0, ids: [] });
    // The guarantee: b rejects. (Its own error was lost with the call; the cancel is reported.)
    // Before the commit token, recovery matched b's event id to a's row and resolved b.
    expect(rb.status).toBe('rejected');
  });

  it('G3/G4: an aborted group acknowledges a retried command whose ids were committed before', async () => {
    const store = await arena.open({ appendConcurrency: 1 });
    const original = ev('Original');
    await store.append(to('orig', [original]));
    // A client retries the same event id, but the group also carries a command PostgreSQL
    // cannot store (a stream id too long for the btree index: error 54000, not caught by the
    // group's EXCEPTION block). The whole group rolls back; nothing of it is written.
    const z = store.append(to('z2', [ev()]));
    const retry = store.append(to('elsewhere', [{ ...original }]));
    const bad = store.append(to(randomHex(8000), [ev()]));
    const [, rr, rbad] = await Promise.allSettled([z, retry, bad]);

    expect(rbad.status).toBe('rejected');
    expect(await streamTruth(arena.admin, 'elsewhere')).toEqual({ version: 0, ids: [] });
    // Normal path: DUPLICATE_EVENT. Observed: resolves with streamVersions [1] for a stream
    // that does not exist, and orig's log index.
    expect(rr).toMatchObject({ status: 'rejected' });
  });

  it('G3: a version-check-only command (no events) in a group cut after COMMIT still reports its conflict', async () => {
    const store = await arena.open({ appendConcurrency: 1 });
    await store.append(to('guarded', [ev()]));
    await sleepOnceWhenStamping(arena.admin, 'SleepHere');
    const z = store.append(to('z', [ev()]));
    const a = store.append(to('a', [ev('SleepHere')]));
    // "stream guarded must be at version 7" (it is at 1): a conflict, in the normal path
    const check = store.append(to('guarded', [], 7));
    await cutSleeper(arena.admin);
    const [, , rc] = await Promise.allSettled([z, a, check]);
    // The commit token holds each command's own outcome: the conflict survives the cut.
    expect(rc).toMatchObject({ status: 'rejected', reason: { code: 'WRONG_EXPECTED_VERSION' } });
  });

  it('G2: a committed command whose event ids are upper-case UUIDs is reported failed after a post-COMMIT cancel', async () => {
    const store = await arena.open({ appendConcurrency: 1 });
    await sleepOnceWhenStamping(arena.admin, 'SleepHere');
    const events = [
      { id: randomUUID().toUpperCase(), type: 'SleepHere', data: {} },
      { id: randomUUID().toUpperCase(), type: 'Happened', data: {} },
    ];
    const attempt = store.append(to('upper', events));
    await cutSleeper(arena.admin);
    const outcome = await attempt.then(
      (value) => ({ status: 'fulfilled' as const, value }),
      (reason: unknown) => ({ status: 'rejected' as const, reason: String(reason) }),
    );
    // Both events are committed (PostgreSQL accepts and lower-cases the ids) ...
    expect(
      await eventCount(
        arena.admin,
        events.map((e) => e.id),
      ),
    ).toBe(2);
    // ... yet the append rejected with "canceling statement due to user request".
    expect(outcome).toMatchObject({ status: 'fulfilled' });
  });
});

function randomHex(n: number): string {
  let s = '';
  while (s.length < n) s += randomUUID().replace(/-/g, '');
  return s.slice(0, n);
}
