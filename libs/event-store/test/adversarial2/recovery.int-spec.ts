import { Client } from 'pg';
import {
  cutSleeper,
  ev,
  openArena,
  sleepOnceWhenStamping,
  streamTruth,
  to,
  type Arena,
} from '../adversarial/adversarial.int-fixture';

// ROUND 2 ATTACKS on the commit token (outcome-recovery.ts).

describe('adversarial2: commit-token recovery', () => {
  let arena: Arena;
  beforeEach(async () => {
    arena = await openArena();
  });
  afterEach(async () => arena.close(), 15_000);

  it('R1: two commands with the same event id on the SAME stream and the same expected version both "win" after a post-COMMIT cancel', async () => {
    const store = await arena.open({ appendConcurrency: 1 });
    await store.append(to('s', [ev()])); // s@1
    await sleepOnceWhenStamping(arena.admin, 'SleepHere');
    // z goes alone; a and b queue behind it and share the next group (one transaction).
    const z = store.append(to('z', [ev()]));
    const shared = ev('SleepHere', { who: 'a' });
    // Same event id (a client retry, or two clients reusing an id), same stream, same expected
    // version; b even carries different data. Exactly one may win.
    const a = store.append(to('s', [shared], 1));
    const b = store.append(to('s', [{ ...shared, data: { who: 'b' } }], 1));
    await cutSleeper(arena.admin, 'pg_cancel_backend'); // the group's pass, after COMMIT
    const [, ra, rb] = await Promise.allSettled([z, a, b]);

    const truth = await streamTruth(arena.admin, 's');
    expect(truth.version).toBe(2); // one of them committed (a); b failed with 23505 in its subtransaction
    const { rows } = await arena.admin.query(
      `select data->>'who' as who from es_events where stream_id = 's' and stream_position = 2`,
    );
    expect(rows[0].who).toBe('a');
    expect(ra.status).toBe('fulfilled');
    // Normal path: b rejects with DUPLICATE_EVENT. Guarantee 4: exactly one winner per expected
    // version; guarantee 3: a failed command never resolves.
    expect(rb.status).toBe('rejected');
  });

  it('R2: a token born old (created_at = now() = transaction START) is prunable at the moment of COMMIT: a committed group is reported failed', async () => {
    // Scaled clock: the store prunes tokens older than 5 minutes (created_at < now() - 5 min).
    // created_at defaults to now(), the START of the group's transaction. A group that waited
    // on a stream row lock (an idle psql, a long transaction() holding the stream) for longer
    // than the prune age commits a token that is already "old". Here the lock wait is 2 s and
    // the pruner's age is scaled to 1 s; the pruner runs while the group's pass is still going.
    const store = await arena.open({ appendConcurrency: 1 });
    await store.append(to('locked', [ev()]));
    await sleepOnceWhenStamping(arena.admin, 'SleepHere');
    const holder = new Client({ connectionString: arena.db.url });
    await holder.connect();
    try {
      await holder.query('begin');
      await holder.query(`select 1 from es_streams where stream_id = 'locked' for update`);
      const attempt = store.append(to('locked', [ev('SleepHere')]));
      // Below the group's 2 s lock timeout, above the scaled 1 s prune age.
      await new Promise((r) => setTimeout(r, 1500));
      await holder.query('commit'); // the group proceeds and COMMITs; its pass sleeps 5 s
      // The pruner (store.startPruningCommitTokens, scaled from 5 minutes to 1 second):
      let pruned = 0;
      for (let i = 0; i < 50 && pruned === 0; i++) {
        await new Promise((r) => setTimeout(r, 50));
        pruned =
          (
            await arena.admin.query(
              `delete from es_commit_tokens where created_at < now() - interval '1 second'`,
            )
          ).rowCount ?? 0;
      }
      // The first append's token is old enough to go; the waiting group's token is dated when
      // it was written (clock_timestamp), just before its COMMIT, so it survives the prune.
      expect(pruned).toBeGreaterThanOrEqual(1);
      expect((await arena.admin.query('select 1 from es_commit_tokens')).rowCount).toBe(1);
      await cutSleeper(arena.admin, 'pg_cancel_backend');
      const outcome = await attempt.then(
        () => 'fulfilled',
        (e: unknown) => `rejected: ${String(e)}`,
      );
      expect((await streamTruth(arena.admin, 'locked')).version).toBe(2); // it committed
      expect(outcome).toBe('fulfilled'); // guarantee 2: a committed command never reports failure
    } finally {
      await holder.end();
    }
  }, 20_000);
});
