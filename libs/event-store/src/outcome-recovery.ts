import { Pool } from 'pg';
import { sleep } from './sleep';
import { AppendOutcomeUnknownError } from './event-store.errors';
import { Written } from './group-payload';
import { StreamAppend } from './event-store.types';

// When a group's round trip fails, the error alone cannot say whether its COMMIT happened: the
// socket may die after the server committed, or an uncatchable error (a cancel) may strike after
// COMMIT. The events themselves can: every event carries a unique id chosen before the append,
// so one indexed lookup tells which commands are in the store. Before looking, the backend that
// ran the group must be finished, or it could still commit after we looked.

export type Recovered = { committed: true; written: Written } | { committed: false };

interface Found {
  event_id: string;
  global_position: number;
  stream_id: string;
  stream_position: number;
}

/**
 * Which of `commands` committed. `backendPid` is the backend that ran them when the connection
 * broke mid-call (it is terminated and awaited first); omit it when the server answered.
 * Retries the lookup until `deadline` while PostgreSQL is unreachable.
 */
export async function recoverOutcomes(
  pool: Pool,
  commands: StreamAppend[][],
  backendPid: number | undefined,
  deadline: number,
  cause: unknown,
): Promise<Recovered[]> {
  for (let attempt = 0; ; attempt++) {
    try {
      if (backendPid !== undefined) await finishBackend(pool, backendPid);
      const found = await findEvents(pool, commands.flat());
      return commands.map((appends) => recovered(appends, found));
    } catch (error) {
      if (Date.now() + 100 > deadline) throw new AppendOutcomeUnknownError(cause ?? error);
      await sleep(Math.min(50 * 2 ** attempt, 1000));
    }
  }
}

/** Ends the backend if it is still running the group, and waits until it has exited. */
async function finishBackend(pool: Pool, pid: number): Promise<void> {
  await pool.query(
    `select pg_terminate_backend(pid, 5000) from pg_stat_activity
     where pid = $1 and application_name = current_setting('application_name')`,
    [pid],
  );
}

async function findEvents(pool: Pool, appends: StreamAppend[]): Promise<Map<string, Found>> {
  const ids = appends.flatMap((a) => a.events.map((e) => e.id));
  const { rows } = await pool.query<Found>(
    `select event_id, global_position, stream_id, stream_position from es_events
     where event_id = any($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((row) => [row.event_id, row]));
}

/** A command is all or nothing, so its events are either all found or none. */
function recovered(appends: StreamAppend[], found: Map<string, Found>): Recovered {
  const rows = appends.map((a) => a.events.map((e) => found.get(e.id)));
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
