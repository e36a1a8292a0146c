import type { Logger } from '@caravan/observability';
import type pg from 'pg';
import type { IndexNotification } from './index-notification';

const UNDEFINED_TABLE = '42P01';

/** Current indexes from the read-model tables; a missing table (not migrated yet) reads as 0. */
export async function readIndexes(
  client: pg.Client,
  logger: Logger | undefined,
): Promise<IndexNotification> {
  const out: IndexNotification = { applied: 0, tables: {} };
  try {
    const tables = await client.query<{ table_name: string; index: string }>(
      'SELECT table_name, index::text AS index FROM rm_table_index',
    );
    for (const row of tables.rows) out.tables[row.table_name] = Number(row.index);
    const checkpoint = await client.query<{ index: string }>(
      "SELECT index::text AS index FROM rm_checkpoint WHERE name = 'projector'",
    );
    out.applied = Number(checkpoint.rows[0]?.index ?? 0);
  } catch (err) {
    if ((err as { code?: unknown }).code !== UNDEFINED_TABLE) throw err;
    logger?.warn({ err }, 'read-model index tables are missing; indexes start at 0');
  }
  return out;
}
