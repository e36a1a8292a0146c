import { parseJson, stringifyJson } from '@caravan/json';

// What the projector tells the world after every batch. `applied` is the log index every read
// model has reached; `tables` holds Nomad's table index (the log index of the last event that
// changed the table) for the tables this batch changed. Gateways LISTEN on the channel and wake
// blocking queries; on (re)connect they read the full state with readAppliedIndex().

export const INDEX_CHANNEL = 'caravan_index';
export const PROJECTOR_NAME = 'projector';

export interface AppliedIndex {
  applied: number;
  tables: Record<string, number>;
}

export function encodeIndexNotification(index: AppliedIndex): string {
  return stringifyJson(index);
}

export function parseIndexNotification(payload: string): AppliedIndex {
  return parseJson<AppliedIndex>(payload);
}

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
