import type { AppliedIndex } from './index-notification';

export {
  INDEX_CHANNEL,
  encodeIndexNotification,
  parseIndexNotification,
} from './index-notification';
export type { AppliedIndex } from './index-notification';

/** The projector's checkpoint name (rm_checkpoint) and leader lock. */
export const PROJECTOR_NAME = 'projector';

/** Something that runs SQL: a TypeORM DataSource or EntityManager, or a pg Pool or Client. */
export interface Queryable {
  query(sql: string, params?: unknown[]): Promise<unknown>;
}

async function rowsOf<T>(queryable: Queryable, sql: string, params: unknown[] = []): Promise<T[]> {
  const result = (await queryable.query(sql, params)) as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

/** The projector's checkpoint and every table index; zeros before the first batch. */
export async function readAppliedIndex(queryable: Queryable): Promise<AppliedIndex> {
  const checkpoint = await rowsOf<{ index: string | number }>(
    queryable,
    'select "index" from rm_checkpoint where name = $1',
    [PROJECTOR_NAME],
  );
  const tables = await rowsOf<{ table_name: string; index: string | number }>(
    queryable,
    'select table_name, "index" from rm_table_index order by table_name',
  );
  return {
    applied: Number(checkpoint[0]?.index ?? 0),
    tables: Object.fromEntries(tables.map((t) => [t.table_name, Number(t.index)])),
  };
}
