import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createTestDatabase, TestDatabase, waitFor } from '@caravan/testkit';
import { PostgresEventStore, type NewEvent, type StreamAppend } from '@caravan/event-store';

// Shared scaffolding for the adversarial tests: a database, an admin connection, stores, and
// fault injection that cuts a group's backend at a chosen moment after its COMMIT.

export interface Arena {
  db: TestDatabase;
  admin: Client;
  open(options?: Parameters<typeof PostgresEventStore.open>[1]): Promise<PostgresEventStore>;
  close(): Promise<void>;
}

export async function openArena(): Promise<Arena> {
  const db = await createTestDatabase();
  const admin = new Client({ connectionString: db.url });
  await admin.connect();
  const stores: PostgresEventStore[] = [];
  return {
    db,
    admin,
    open: async (options = {}) => {
      const store = await PostgresEventStore.open(db.url, {
        warnings: { warn: () => undefined },
        ...options,
      });
      stores.push(store);
      return store;
    },
    close: async () => {
      for (const store of stores.splice(0)) await store.close();
      await admin.end();
      await db.drop();
    },
  };
}

export function ev(type = 'Happened', data: unknown = {}): NewEvent {
  return { id: randomUUID(), type, data };
}

export function to(
  id: string,
  events: NewEvent[],
  expectedVersion: StreamAppend['expectedVersion'] = 'any',
): StreamAppend {
  return { stream: { id, category: 'test', partitionKey: id }, expectedVersion, events };
}

/**
 * The first sequencing pass that stamps an event of type `type` sleeps 5 s right after its
 * es_log insert (inside es_commit_group, i.e. after the group's COMMIT). Later passes do not.
 */
export async function sleepOnceWhenStamping(admin: Client, type: string): Promise<void> {
  await admin.query(`
    create sequence adv_slept;
    create function adv_sleep_on_stamp() returns trigger language plpgsql as $$
    begin
      if exists (select 1 from adv_new_rows n join es_events e using (global_position)
                 where e.type = '${type}')
         and nextval('adv_slept') = 1 then
        perform pg_sleep(5);
      end if;
      return null;
    end $$;
    create trigger adv_sleep_on_stamp after insert on es_log
      referencing new table as adv_new_rows
      for each statement execute function adv_sleep_on_stamp();`);
}

/** Cancels (or terminates) the backend sleeping in the pass. Returns the cut backend's query. */
export async function cutSleeper(
  admin: Client,
  fn: 'pg_cancel_backend' | 'pg_terminate_backend' = 'pg_cancel_backend',
): Promise<string> {
  let query = '';
  await waitFor(
    async () => {
      const { rows } = await admin.query<{ query: string }>(
        `select ${fn}(pid) as cut, query from pg_stat_activity
         where wait_event = 'PgSleep' and datname = current_database()
           and pid <> pg_backend_pid()`,
      );
      if (rows.length > 0) query = rows[0]!.query;
      return rows.length > 0;
    },
    { timeoutMs: 10_000, message: 'the pass never slept' },
  );
  return query;
}

/** The store's truth for a stream: version and event ids, read directly. */
export async function streamTruth(
  admin: Client,
  streamId: string,
): Promise<{ version: number; ids: string[] }> {
  const { rows } = await admin.query<{ event_id: string }>(
    'select event_id from es_events where stream_id = $1 order by stream_position',
    [streamId],
  );
  const v = await admin.query<{ version: string }>(
    'select version from es_streams where stream_id = $1',
    [streamId],
  );
  return { version: Number(v.rows[0]?.version ?? 0), ids: rows.map((r) => r.event_id) };
}

export async function eventCount(admin: Client, ids: string[]): Promise<number> {
  const { rows } = await admin.query<{ n: string }>(
    'select count(*) as n from es_events where event_id = any($1::uuid[])',
    [ids],
  );
  return Number(rows[0]!.n);
}

/**
 * Works around the unhandled-'error' crash (checked-out-client-error.int-spec.ts) so other
 * attacks can run under terminate storms: clients checked out with pool.connect() (the batcher,
 * transaction()) get a no-op 'error' listener. Returns how many errors it swallowed.
 */
export function guardCheckedOutClients(store: PostgresEventStore): () => number {
  let caught = 0;
  const pool = store.pool as unknown as { connect: (...args: unknown[]) => unknown };
  const connect = pool.connect.bind(pool);
  pool.connect = (...args: unknown[]) => {
    if (args.length > 0) return connect(...args);
    return (
      connect() as Promise<{ on: (e: string, f: () => void) => void; advGuard?: boolean }>
    ).then((client) => {
      if (!client.advGuard) {
        client.advGuard = true;
        client.on('error', () => caught++);
      }
      return client;
    });
  };
  return () => caught;
}
