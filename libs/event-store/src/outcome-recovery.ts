import { Pool } from 'pg';
import { sleep } from '@caravan/async';
import { AppendOutcomeUnknownError } from './event-store.errors';
import { Outcome } from './group-payload';

// When a round trip fails, the error alone cannot say whether its COMMIT happened: the socket may
// die after the server committed, or an uncatchable error (a cancel) may strike after COMMIT.
// The commit token can: a row the transaction wrote last, holding each command's outcome as the
// call would have returned it. It exists exactly when the transaction committed. Before looking,
// the backend that ran the transaction must be finished, or it could still commit afterwards.

export type CommitFound =
  | { committed: false }
  /** `outcomes`: per command, for a group commit; null for a caller's transaction */
  | { committed: true; outcomes: Outcome[] | null };

/**
 * Whether the transaction of `token` committed. `backendPid` is the backend that ran it when the
 * connection broke mid-call (it is terminated and awaited first); omit it when the server
 * answered. Retries while PostgreSQL is unreachable, until `deadline`.
 */
export async function findCommit(
  pool: Pool,
  token: string,
  backendPid: number | undefined,
  deadline: number,
  cause: unknown,
): Promise<CommitFound> {
  for (let attempt = 0; ; attempt++) {
    try {
      if (backendPid !== undefined) await finishBackend(pool, backendPid);
      const { rows } = await pool.query<{ outcomes: Outcome[] | null }>(
        'select outcomes from es_commit_tokens where token = $1',
        [token],
      );
      const row = rows[0];
      return row ? { committed: true, outcomes: row.outcomes } : { committed: false };
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
