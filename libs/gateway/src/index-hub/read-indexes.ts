import type { Logger } from '@caravan/observability';
import { readAppliedIndex, type AppliedIndex } from '@caravan/read-models';
import type pg from 'pg';

const UNDEFINED_TABLE = '42P01';

/** Current indexes from the read-model tables; a missing table (not migrated yet) reads as 0. */
export async function readIndexes(
  client: pg.Client,
  logger: Logger | undefined,
): Promise<AppliedIndex> {
  try {
    return await readAppliedIndex(client);
  } catch (err) {
    if ((err as { code?: unknown }).code !== UNDEFINED_TABLE) throw err;
    logger?.warn({ err }, 'read-model index tables are missing; indexes start at 0');
    return { applied: 0, tables: {} };
  }
}
