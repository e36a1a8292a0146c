import { Client } from 'pg';
import { waitFor } from '@caravan/testkit';
import { ev, openArena, streamTruth, to, type Arena } from '../adversarial/adversarial.int-fixture';

// ROUND 2 ATTACKS on per-command isolation (es_append_group) and on wake-ups (LogIndexListener).

describe('adversarial2: isolation and wake-ups', () => {
  let arena: Arena;
  beforeEach(async () => {
    arena = await openArena();
  });
  afterEach(async () => arena.close(), 20_000);

  it('I1: a lock wait is reported as a retryable OVERLOADED, not BAD_REQUEST', async () => {
    const dbName = new URL(arena.db.url).pathname.slice(1);
    await arena.admin.query(`alter database ${dbName} set lock_timeout = '300ms'`);
    const store = await arena.open();
    await store.append(to('busy', [ev()]));
    const holder = new Client({ connectionString: arena.db.url });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query(`select 1 from es_streams where stream_id = 'busy' for update`);
      const outcome = await store.append(to('busy', [ev()])).then(
        () => 'fulfilled',
        (e: { code?: string; message?: string }) => `${e.code}: ${e.message}`,
      );
      // A transient lock wait is the server's condition, not the caller's data: it must not
      // come back as BAD_REQUEST (HTTP 400, "do not retry").
      expect(outcome).not.toMatch(/^BAD_REQUEST/);
      expect(outcome).toMatch(/^OVERLOADED: event store overloaded/);
    } finally {
      await holder.query('rollback');
      await holder.end();
    }
  }, 15_000);

  it('I2: one command waiting on a row lock stalls others only until the lock timeout', async () => {
    const store = await arena.open({ appendConcurrency: 1 });
    await store.append(to('busy', [ev()]));
    const holder = new Client({ connectionString: arena.db.url });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query(`select 1 from es_streams where stream_id = 'busy' for update`);
      const stuck = store.append(to('busy', [ev()]));
      const innocent = store.append(to('innocent', [ev()])); // queued behind, next group
      const innocent2 = store.append(to('innocent2', [ev()]));
      let settled = 0;
      for (const p of [innocent, innocent2])
        void p.then(
          () => settled++,
          () => settled++,
        );
      const stuckOutcome = stuck.then(
        () => 'fulfilled',
        (e: { code?: string }) => e.code,
      );
      // appendConcurrency 1: the store waits behind one row lock only as long as the group's
      // lock timeout (2 s); then the stuck command fails alone and the others commit. (They
      // cannot be acknowledged before the holder ends: its transaction holds the log's horizon.)
      await waitFor(
        async () =>
          (await streamTruth(arena.admin, 'innocent')).version === 1 &&
          (await streamTruth(arena.admin, 'innocent2')).version === 1,
        { timeoutMs: 6000, message: 'innocent appends stalled' },
      );
      expect(await stuckOutcome).toBe('OVERLOADED');
      await holder.query('rollback');
      await waitFor(() => settled === 2, {
        timeoutMs: 5000,
        message: 'innocents never acknowledged',
      });
    } finally {
      await holder.end();
    }
  }, 15_000);

  it('W1: onLogAdvanced misses an advance made while the LISTEN connection reconnects, forever', async () => {
    const reader = await arena.open(); // a process that only reads (a projector's process)
    const writer = await arena.open();
    let wakes = 0;
    reader.onLogAdvanced(() => wakes++);
    await writer.append(to('x', [ev()]));
    await waitFor(async () => wakes > 0, { timeoutMs: 5000, message: 'no first wake' });
    wakes = 0;
    // Kill the reader's listener, then append while it is reconnecting (200 ms gap).
    await arena.admin.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
       where application_name = 'caravan-log-listener' and datname = current_database()`,
    );
    // both stores' listeners died; the writer's own pass wakes its own listeners via advance()
    await writer.append(to('x', [ev()]));
    await new Promise((r) => setTimeout(r, 1500)); // listener reconnected long ago
    expect(await reader.headIndex()).toBe(2);
    expect((await streamTruth(arena.admin, 'x')).version).toBe(2);
    // No later append ever comes: the reader's onLogAdvanced subscribers never hear of index 2.
    expect(wakes).toBeGreaterThan(0);
  });
});
