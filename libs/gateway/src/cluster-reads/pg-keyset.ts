import { parseJson } from '@caravan/json';
import type pg from 'pg';
import type { QueryResult } from '../blocking/blocking-query';

// Keyset pages over one read-model table for the allocation, evaluation and node lists: the
// key is the primary key in byte order (Go's), `prefix` and `next_token` are conditions on it,
// and the rows and the table index come from one statement, so the index never runs ahead of
// the rows (README invariant 7). Nomad's next token is the key of the next page's first row.

export interface KeysetQuery {
  /** tables whose index the answer reports */
  tables: readonly string[];
  /** `rm_allocations a left join …` */
  from: string;
  /** the key column, e.g. `a.id` */
  key: string;
  /** the selected columns, e.g. `a.allocation as doc` */
  select: string;
  /** extra conditions; `$n` placeholders number after the ones added here */
  where?: { sql: string; params: unknown[] };
  prefix?: string;
  nextToken?: string;
  /** 0 = no limit */
  perPage?: number;
}

export interface KeysetPage<Row> {
  rows: Row[];
  /** '' when this is the last page */
  nextToken: string;
}

export async function keysetPage<Row extends { k: string }>(
  pool: pg.Pool,
  q: KeysetQuery,
): Promise<QueryResult<KeysetPage<Row>>> {
  const params: unknown[] = [[...q.tables]];
  const conds: string[] = [];
  const add = (value: unknown): string => `$${params.push(value)}`;
  if (q.prefix) conds.push(`starts_with(${q.key}, ${add(q.prefix)})`);
  if (q.nextToken) conds.push(`${q.key} >= ${add(q.nextToken)} collate "C"`);
  if (q.where) {
    const offset = params.length;
    conds.push(q.where.sql.replace(/\$(\d+)/g, (_, n: string) => `$${Number(n) + offset}`));
    params.push(...q.where.params);
  }
  const limit = q.perPage && q.perPage > 0 ? `limit ${add(q.perPage + 1)}` : '';
  const sql = `
    with page as (
      select ${q.key} as k, ${q.select} from ${q.from}
      ${conds.length ? `where ${conds.join(' and ')}` : ''}
      order by ${q.key} collate "C" ${limit})
    select (select coalesce(max("index"), 0) from rm_table_index
             where table_name = any($1::text[]))::text as table_index,
           (select coalesce(json_agg(row_to_json(page) order by page.k collate "C"), '[]'::json)
              from page)::text as rows`;
  const { rows } = await pool.query<{ table_index: string; rows: string }>(sql, params);
  const all = parseJson<Row[]>(rows[0]?.rows ?? '[]');
  const full = q.perPage && q.perPage > 0 && all.length > q.perPage;
  return {
    index: Math.max(1, Number(rows[0]?.table_index ?? 0)),
    body: {
      rows: full ? all.slice(0, q.perPage) : all,
      nextToken: full ? all[q.perPage!]!.k : '',
    },
  };
}

/** One document and its own ModifyIndex, or the table index when it does not exist. */
export async function readOne<T>(
  pool: pg.Pool,
  tables: readonly string[],
  docSql: string,
  params: unknown[],
): Promise<QueryResult<T | null>> {
  const sql = `
    with one as (${docSql})
    select (select coalesce(max("index"), 0) from rm_table_index
             where table_name = any($1::text[]))::text as table_index,
           (select modify_index::text from one) as modify_index,
           (select doc::text from one) as doc`;
  const { rows } = await pool.query<{
    table_index: string;
    modify_index: string | null;
    doc: string | null;
  }>(sql, [[...tables], ...params]);
  const row = rows[0];
  const index = Number(row?.modify_index ?? row?.table_index ?? 0);
  return {
    index: Math.max(1, index),
    body: row?.doc == null ? null : parseJson<T>(row.doc),
  };
}
