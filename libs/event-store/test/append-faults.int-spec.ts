import { Client } from 'pg';
import { createTestDatabase, TestDatabase, waitFor } from '@caravan/testkit';
import { PostgresEventStore, type StreamAppend } from '@caravan/event-store';
import { event } from './event-store.int-fixture';
import { holdHorizon, mismatches, type Acknowledged } from './append-truth.int-fixture';

// Faults around an append: a bad command inside a group, garbage on the notification channel,
// and failures after COMMIT. A committed command is never reported failed; a failed one failed
// alone and wrote nothing.

describe('append faults', () => {
  let db: TestDatabase;
  let admin: Client;
  const stores: PostgresEventStore[] = [];
  beforeEach(async () => {
    db = await createTestDatabase();
    admin = new Client({ connectionString: db.url });
    await admin.connect();
  });
  afterEach(async () => {
    for (const store of stores.splice(0)) await store.close();
    await admin.end();
    await db.drop();
  });
  const open = async (options: Parameters<typeof PostgresEventStore.open>[1] = {}) => {
    const store = await PostgresEventStore.open(db.url, options);
    stores.push(store);
    return store;
  };

  it('a U+0000 command fails alone with a client error; its group commits', async () => {
    const store = await open({ appendConcurrency: 1 });
    // One group in flight at a time: the first append goes alone, the next ten share a group.
    const attempts = Array.from({ length: 11 }, (_, k) => {
      const events = [event('Happened', { text: k === 5 ? 'nul\u0000here' : `ok ${k}` })];
      return { events, outcome: store.append(append(`nul-${k}`, events)) };
    });
    const settled = await Promise.allSettled(attempts.map((a) => a.outcome));

    const rejected = settled.flatMap((s, k) => (s.status === 'rejected' ? [k] : []));
    expect(rejected).toEqual([5]);
    const reason = (settled[5] as PromiseRejectedResult).reason as {
      code: string;
      message: string;
    };
    expect(reason.code).toBe('BAD_REQUEST');
    expect(reason.message).toContain('invalid event payload');
    expect((await store.readStream('nul-5')).version).toBe(0);
    const acknowledged = attempts.flatMap((a, k): Acknowledged[] =>
      k === 5
        ? []
        : [{ events: a.events, result: (settled[k] as PromiseFulfilledResult<never>).value }],
    );
    expect(await mismatches(db.url, acknowledged)).toEqual([]);
  });

  it('malformed notifications on es_log are logged and ignored', async () => {
    const warned: unknown[] = [];
    const store = await open({ warnings: { warn: (detail) => warned.push(detail) } });
    for (const payload of ['not json', '[]', 'null', '{"h":"x"}', '{"h":-1}', '']) {
      await admin.query('select pg_notify($1, $2)', ['es_log', payload]);
    }
    await waitFor(() => warned.length === 6, { message: 'warnings not logged' });
    const events = [event()];
    const result = await store.append(append('after-garbage', events));
    expect(await mismatches(db.url, [{ events, result }])).toEqual([]);
  });

  it('a sequencing pass that fails after COMMIT does not fail the committed appends', async () => {
    const store = await open();
    await failLogInserts(admin, 'raise');
    const acknowledged = await appendConcurrently(store, 6);
    expect(await mismatches(db.url, acknowledged)).toEqual([]);
    expect(
      Number((await admin.query('select last_value from fail_inserts')).rows[0].last_value),
    ).toBeGreaterThan(0);
  });

  it.each([
    ['terminated', 'pg_terminate_backend'],
    ['cancelled', 'pg_cancel_backend'],
  ])('a backend %s after COMMIT, during the pass: the appends still resolve', async (_how, fn) => {
    const store = await open({ appendConcurrency: 1 });
    await failLogInserts(admin, 'sleep');
    const pending = appendConcurrently(store, 4);
    // The first pass sleeps inside the group's call, after the group committed: cut it there.
    await waitFor(
      async () => {
        const { rows } = await admin.query(
          `select ${fn}(pid) as cut from pg_stat_activity
           where wait_event = 'PgSleep' and datname = current_database()
             and pid <> pg_backend_pid()`,
        );
        return rows.length > 0;
      },
      { timeoutMs: 10_000, message: 'the pass never slept' },
    );
    const acknowledged = await pending;
    expect(await mismatches(db.url, acknowledged)).toEqual([]);
  });

  it('refuses appends past the queue bound at once and writes none of them', async () => {
    const store = await open({ appendConcurrency: 1, maxQueuedAppends: 5 });
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, (_, k) => store.append(append(`q-${k}`, [event()]))),
    );
    const refused = outcomes.flatMap((o, k) => (o.status === 'rejected' ? [k] : []));
    // One goes at once, five wait; the other fourteen are refused.
    expect(refused).toHaveLength(14);
    for (const k of refused) {
      expect((outcomes[k] as PromiseRejectedResult).reason).toMatchObject({ code: 'OVERLOADED' });
      expect((await store.readStream(`q-${k}`)).version).toBe(0);
    }
  });

  it('an index wait that times out names the session holding the horizon', async () => {
    const store = await open({ indexTimeoutMs: 1500 });
    const holder = await holdHorizon(db.url, 'idle-psql-session');
    try {
      const failure = await store.append(append('stuck', [event()])).catch((e: unknown) => e);
      expect(failure).toMatchObject({
        code: 'INDEX_WAIT_TIMEOUT',
        blocker: { applicationName: 'idle-psql-session', state: 'idle in transaction' },
      });
      expect(String((failure as Error).message)).toMatch(/held by backend pid \d+/);
      expect(await store.horizonHolder()).toMatchObject({ applicationName: 'idle-psql-session' });
    } finally {
      await holder.release();
    }
  });
});

function append(id: string, events: StreamAppend['events']): StreamAppend {
  return { stream: { id, category: 'test', partitionKey: id }, expectedVersion: 'any', events };
}

async function appendConcurrently(store: PostgresEventStore, n: number): Promise<Acknowledged[]> {
  return Promise.all(
    Array.from({ length: n }, async (_, k) => {
      const events = [event(), event()];
      return { events, result: await store.append(append(`fault-${k}`, events)) };
    }),
  );
}

/**
 * Makes the first inserts into es_log (sequencing passes) raise, or sleep 2 s so a test can cut
 * the backend there. A sequence counts them: it survives the rollback of the failing pass.
 */
async function failLogInserts(admin: Client, how: 'raise' | 'sleep'): Promise<void> {
  const action =
    how === 'raise' ? `raise exception 'injected pass failure'` : 'perform pg_sleep(2)';
  await admin.query(`
    create sequence fail_inserts;
    create function fail_first_inserts() returns trigger language plpgsql as $$
    begin
      if nextval('fail_inserts') <= 2 then ${action}; end if;
      return null;
    end $$;
    create trigger fail_first_inserts before insert on es_log
      for each statement execute function fail_first_inserts();`);
}
