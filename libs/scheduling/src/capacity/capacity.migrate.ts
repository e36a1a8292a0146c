import type { Pool } from 'pg';
import { CAPACITY_MIGRATION_LOCK_KEY, CAPACITY_SCHEMA } from './capacity.schema';

/** Creates the capacity tables; safe to run from every process at start-up. */
export async function migrateCapacity(pool: Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [CAPACITY_MIGRATION_LOCK_KEY]);
    await client.query(CAPACITY_SCHEMA);
  } finally {
    await client
      .query('select pg_advisory_unlock($1)', [CAPACITY_MIGRATION_LOCK_KEY])
      .catch(() => undefined);
    client.release();
  }
}
