import { parseJson } from '@caravan/json';
import type { Filter } from '@caravan/filter';
import { PageCollector } from '../pagination';
import type pg from 'pg';
import type { QueryResult } from '../blocking/blocking-query';
import { batchSql, wholeListSql, type JobKey, type ListSqlInput } from './job-list.sql';

export interface ListJobsQuery {
  tables: readonly string[];
  namespace: string;
  prefix: string;
  reverse: boolean;
  /** 0: unlimited; negative: an empty page whose next token is the first match (Nomad) */
  perPage: number;
  nextToken: string;
  filter?: Filter;
  withMeta: boolean;
}

/** A page of the jobs list: the JSON array text as served, and Nomad's next token. */
export interface JobListPage {
  json: string;
  nextToken: string;
}

interface BatchRow {
  table_index: string;
  namespace: string | null;
  id: string | null;
  element: string;
  job: string | null;
}

type Row = BatchRow & JobKey;

/** Rows a filtered list reads per statement while it looks for a page's matches. */
const FILTER_BATCH = 500;

/**
 * GET /v1/jobs over rm_jobs, in keyset order: prefix, namespace and `next_token` are SQL
 * conditions on the primary key; a filter (evaluated against the full job, as Nomad does) is
 * applied to rows as they stream in batches, and reading stops as soon as the page is full.
 */
export async function listJobsPage(
  pool: pg.Pool,
  query: ListJobsQuery,
): Promise<QueryResult<JobListPage>> {
  const base: ListSqlInput = { ...query, withJob: false, ...tokenBounds(query) };
  if (query.filter === undefined && query.perPage === 0) {
    const { rows } = await pool.query<{ table_index: string; doc: string }>(wholeListSql(base));
    return {
      index: Number(rows[0]?.table_index ?? 0),
      body: { json: rows[0]!.doc, nextToken: '' },
    };
  }
  if (query.filter === undefined) {
    const limit = query.perPage > 0 ? query.perPage + 1 : 1;
    const { rows } = await pool.query<BatchRow>(batchSql({ ...base, limit }));
    return page(rows, query, rows.filter(isRow));
  }
  return filtered(pool, query, base);
}

/**
 * A token bound as SQL conditions. One namespace: its tokens sort like its ids, so the bound
 * is an id range. Every namespace: Nomad walks (namespace, id) order and compares tokens as
 * strings, which can disagree, so the start is the first row whose token is at or past it.
 */
function tokenBounds(query: ListJobsQuery): Partial<ListSqlInput> {
  const token = query.nextToken;
  if (token === '') return {};
  if (query.namespace === '*')
    return query.filter === undefined ? { startAtToken: token } : { fromToken: token };
  const own = `${query.namespace}.`;
  if (token.startsWith(own)) return { fromToken: token, fromId: token.slice(own.length) };
  return { fromToken: token };
}

async function filtered(
  pool: pg.Pool,
  query: ListJobsQuery,
  base: ListSqlInput,
): Promise<QueryResult<JobListPage>> {
  const collector = pageCollector(query);
  const client = await pool.connect();
  try {
    // One snapshot for every batch and the index reported with them.
    await client.query('begin isolation level repeatable read read only');
    let input = { ...base, withJob: true, limit: FILTER_BATCH };
    let index = 0;
    let more = true;
    while (more) {
      const { rows } = await client.query<BatchRow>(batchSql(input));
      index = Number(rows[0]?.table_index ?? 0);
      const found = rows.filter(isRow);
      more = found.length === FILTER_BATCH;
      for (const row of found) {
        const wasStarted = collector.started;
        if (!collector.offer(row)) return done(index);
        input = { ...input, after: { namespace: row.namespace, id: row.id } };
        // Past the start, rows before the token count again (the token bound ends with phase 1).
        if (!wasStarted && collector.started && input.fromToken !== undefined) {
          input = { ...input, fromToken: undefined, fromId: undefined };
          more = true;
          break;
        }
      }
    }
    return done(index);
  } finally {
    await client.query('commit').catch(() => undefined);
    client.release();
  }

  function done(index: number): QueryResult<JobListPage> {
    return { index, body: body(collector) };
  }
}

function pageCollector(query: ListJobsQuery): PageCollector<Row> {
  const jobs = new WeakMap<Row, unknown>();
  return new PageCollector<Row>({
    perPage: query.perPage,
    nextToken: query.nextToken,
    reverse: query.reverse,
    filter: query.filter,
    tokenOf: (row) => `${row.namespace}.${row.id}`,
    // The filter sees the job itself, not the stub, as in Nomad; parsed only when evaluated.
    subject: (row) => {
      if (!jobs.has(row)) jobs.set(row, parseJson(row.job ?? 'null'));
      return jobs.get(row);
    },
  });
}

function page(rows: BatchRow[], query: ListJobsQuery, found: Row[]): QueryResult<JobListPage> {
  const collector = pageCollector({ ...query, nextToken: '' });
  for (const row of found) if (!collector.offer(row)) break;
  return { index: Number(rows[0]?.table_index ?? 0), body: body(collector) };
}

function body(collector: PageCollector<Row>): JobListPage {
  return {
    json: `[${collector.page.map((row) => row.element).join(',')}]`,
    nextToken: collector.nextToken,
  };
}

const isRow = (row: BatchRow): row is Row => row.namespace !== null && row.id !== null;
