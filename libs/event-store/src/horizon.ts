import { Pool } from 'pg';
import { HorizonHolder } from './event-store.errors';

// The log's horizon: a sequencing pass stamps only events of transactions older than the
// oldest transaction still running (pg_snapshot_xmin), so ANY session holding a transaction id
// (an idle `psql` in a transaction, a long projector batch, a stuck plan applier) holds back
// every acknowledgement. This names that session.

/** The oldest running transaction that holds an xid, or null when none does. */
export async function findHorizonHolder(pool: Pool): Promise<HorizonHolder | null> {
  const { rows } = await pool.query<{
    pid: number;
    application_name: string;
    state: string;
    age_seconds: number;
    query: string;
  }>(
    `select pid, application_name, coalesce(state, '') as state,
            extract(epoch from clock_timestamp() - xact_start)::float8 as age_seconds,
            left(coalesce(query, ''), 200) as query
     from pg_stat_activity
     where backend_xid is not null and pid <> pg_backend_pid()
     order by age(backend_xid) desc
     limit 1`,
  );
  const row = rows[0];
  if (!row) return null;
  return {
    pid: row.pid,
    applicationName: row.application_name,
    state: row.state,
    ageSeconds: row.age_seconds,
    query: row.query,
  };
}
