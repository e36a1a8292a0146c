import { Pool } from 'pg';
import { sleep } from '@caravan/async';
import { AppendOutcomeUnknownError } from './event-store.errors';
import { Written } from './group-payload';
import { StreamAppend } from './event-store.types';

// When a group's round trip fails, the error alone cannot say whether its COMMIT happened: the
// socket may die after the server committed, or an uncatchable error (a cancel) may strike after
// COMMIT. The group's commit token can: it is written in the group's transaction, so it exists
// exactly when that transaction committed, and it records the transaction id. A command then
// committed exactly when its events exist *with that transaction id* (an event id alone could
// have been written by someone else). Before looking, the backend that ran the group must be
// finished, or it could still commit after we looked.

export type Recovered = { committed: true; written: Written } | { committed: false };

interface Found {
  id: string;
  global_position: number;
  stream_id: string;
  stream_position: number;
}

/**
 * Which of `commands` committed in the transaction of `token`. `backendPid` is the backend that
 * ran them when the connection broke mid-call (it is terminated and awaited first); omit it when
 * the server answered. Retries while PostgreSQL is unreachable, until `deadline`.
 */
export async function recoverOutcomes(
  pool: Pool,
  token: string,
  commands: StreamAppend[][],
  backendPid: number | undefined,
  deadline: number,
  cause: unknown,
): Promise<Recovered[]> {
  for (let attempt = 0; ; attempt++) {
    try {
      if (backendPid !== undefined) await finishBackend(pool, backendPid);
      const txid = await committedTransaction(pool, token);
      if (txid === null) return commands.map(() => ({ committed: false }));
      const found = await findEvents(pool, txid, commands.flat());
      return commands.map((appends) => recovered(appends, found));
    } catch (error) {
      if (Date.now() + 100 > deadline) throw new AppendOutcomeUnknownError(cause ?? error);
      await sleep(Math.min(50 * 2 ** attempt, 1000));
    }
  }
}

/**
 * Ends the backend if it still exists, and makes sure it has exited. A pid is matched with this
 * process's application name, which keeps a reused pid of another program's session out of reach.
 */
async function finishBackend(pool: Pool, pid: number): Promise<void> {
  const { rows } = await pool.query<{ gone: boolean }>(
    `select pg_terminate_backend(pid, 5000) as gone from pg_stat_activity
     where pid = $1 and application_name = current_setting('application_name')`,
    [pid],
  );
  if (rows.length > 0 && !rows[0]!.gone) throw new Error(`backend ${pid} is still running`);
}

async function committedTransaction(pool: Pool, token: string): Promise<string | null> {
  const { rows } = await pool.query<{ transaction_id: string }>(
    'select transaction_id::text from es_commit_tokens where token = $1',
    [token],
  );
  return rows[0]?.transaction_id ?? null;
}

async function findEvents(
  pool: Pool,
  txid: string,
  appends: StreamAppend[],
): Promise<Map<string, Found>> {
  const ids = appends.flatMap((a) => a.events.map((e) => e.id.toLowerCase()));
  const { rows } = await pool.query<Found>(
    `select e.event_id::text as id, e.global_position, e.stream_id, e.stream_position
     from es_events e
     where e.event_id = any($1::uuid[]) and e.transaction_id = $2::xid8`,
    [ids, txid],
  );
  return new Map(rows.map((row) => [row.id, row]));
}

/** A command is all or nothing, so its events are either all found or none. */
function recovered(appends: StreamAppend[], found: Map<string, Found>): Recovered {
  const rows = appends.map((a) =>
    a.events.map((e) => {
      const row = found.get(e.id.toLowerCase());
      return row?.stream_id === a.stream.id ? row : undefined;
    }),
  );
  if (rows.some((events) => events.some((row) => row === undefined))) return { committed: false };
  const present = rows as Found[][];
  return {
    committed: true,
    written: {
      versions: present.map((events) => Math.max(...events.map((row) => row.stream_position))),
      positions: present.flat().map((row) => row.global_position),
    },
  };
}
