import { createHash } from 'node:crypto';
import { JOB_SUMMARIES_TABLE, JOBS_TABLE, TABLE_INDEX_TABLE } from '@caravan/read-models';

// The jobs list in SQL, keyset over rm_jobs' primary key (namespace, id), whose keys are in
// byte order (Go's string order), so `order by` and the key conditions run on the index and a
// page reads only the rows it returns. Column names come from the tables' one definition.

const J = JOBS_TABLE.columns;
const S = JOB_SUMMARIES_TABLE.columns;
const I = TABLE_INDEX_TABLE.columns;

export interface JobKey {
  namespace: string;
  id: string;
}

export interface ListSqlInput {
  tables: readonly string[];
  /** '*' for every namespace */
  namespace: string;
  prefix: string;
  reverse: boolean;
  /** only rows whose token is at or past this one (`next_token`, phase 1 of Nomad's paginator) */
  fromToken?: string;
  /** the same bound as an id range, when the list is one namespace (lets the index seek) */
  fromId?: string;
  /** no filter and a token across namespaces: start at the first row at or past it */
  startAtToken?: string;
  /** keyset continuation: rows strictly after this key */
  after?: JobKey;
  limit?: number;
  withMeta: boolean;
  /** the full job, for filter evaluation */
  withJob: boolean;
}

/** Positional parameters, numbered as they are used. */
class Params {
  readonly values: unknown[] = [];
  add(value: unknown, type = 'text'): string {
    this.values.push(value);
    return `$${this.values.length}::${type}`;
  }
}

/**
 * One list element: the stored stub text with the job's summary in place of its
 * `"JobSummary":null` (the key can only match there: inside a JSON string a quote is
 * escaped), and Meta appended when asked for and not empty (Nomad's omitempty).
 */
function element(withMeta: boolean): string {
  const stub = `replace(j.${J.stub}::text, '"JobSummary":null', '"JobSummary":' || coalesce(s.${S.summary}::text, 'null'))`;
  if (!withMeta) return stub;
  const meta = `nullif(nullif(j.${J.job}->'Meta', 'null'::jsonb), '{}'::jsonb)::text`;
  return `case when ${meta} is null then ${stub} else left(${stub}, -1) || ',"Meta":' || ${meta} || '}' end`;
}

const tokenOf = (a: string) => `((${a}.${J.namespace} || '.' || ${a}.${J.id}) collate "C")`;
const keyOf = (a: string) => `(${a}.${J.namespace}, ${a}.${J.id})`;

function conditions(input: ListSqlInput, p: Params, a: string, fromToken?: string): string[] {
  const ge = input.reverse ? '<=' : '>=';
  const prefix = p.add(input.prefix);
  const where = [`starts_with(${a}.${J.id}, ${prefix})`];
  if (input.namespace !== '*')
    where.push(`${a}.${J.namespace} = ${p.add(input.namespace)}`, `${a}.${J.id} >= ${prefix}`);
  if (fromToken !== undefined) where.push(`${tokenOf(a)} ${ge} ${p.add(fromToken)}`);
  if (input.fromId !== undefined) where.push(`${a}.${J.id} ${ge} ${p.add(input.fromId)}`);
  return where;
}

const order = (input: ListSqlInput, a: string): string => {
  const dir = input.reverse ? 'desc' : 'asc';
  return `${a}.${J.namespace} ${dir}, ${a}.${J.id} ${dir}`;
};

function rowsSql(input: ListSqlInput, p: Params): string {
  const where = conditions(input, p, 'j', input.fromToken);
  const after = input.after;
  if (after)
    where.push(
      `${keyOf('j')} ${input.reverse ? '<' : '>'} (${p.add(after.namespace)}, ${p.add(after.id)})`,
    );
  if (input.startAtToken !== undefined) {
    const start = conditions(input, p, 'k', input.startAtToken).join(' and ');
    where.push(`${keyOf('j')} ${input.reverse ? '<=' : '>='} (select ${J.namespace}, ${J.id}
      from rm_jobs k where ${start} order by ${order(input, 'k')} limit 1)`);
  }
  return `from rm_jobs j
    left join rm_job_summaries s on s.${S.namespace} = j.${J.namespace} and s.${S.jobId} = j.${J.id}
    where ${where.join(' and ')}`;
}

const tableIndex = (input: ListSqlInput, p: Params): string =>
  `(select coalesce(max(${I.index}), 0) from rm_table_index where ${I.tableName} = any(${p.add(input.tables, 'text[]')}))`;

export interface SqlQuery {
  /** a prepared statement per query shape: a list is planned once per connection, not per call */
  name: string;
  text: string;
  values: unknown[];
}

const prepared = (text: string, values: unknown[]): SqlQuery => ({
  name: `jobs-list-${createHash('sha1').update(text).digest('hex').slice(0, 16)}`,
  text,
  values,
});

/** The whole list as one JSON array text, built by PostgreSQL: no row reaches JS one by one. */
export function wholeListSql(input: ListSqlInput): SqlQuery {
  const p = new Params();
  const text = `select ${tableIndex(input, p)}::text as table_index,
    (select '[' || coalesce(string_agg(${element(input.withMeta)}, ',' order by ${order(input, 'j')}), '') || ']'
     ${rowsSql(input, p)}) as doc`;
  return prepared(text, p.values);
}

/** One keyset batch of rows in list order, with the table index (also when no row matches). */
export function batchSql(input: ListSqlInput): SqlQuery {
  const p = new Params();
  const job = input.withJob ? `j.${J.job}::text` : 'null::text';
  const limit = input.limit === undefined ? '' : `limit ${p.add(input.limit, 'bigint')}`;
  const dir = input.reverse ? 'desc' : 'asc';
  const text = `select i.table_index::text as table_index, r.namespace, r.id, r.element, r.job
    from (select ${tableIndex(input, p)} as table_index) i
    left join lateral (
      select j.${J.namespace} as namespace, j.${J.id} as id, ${element(input.withMeta)} as element, ${job} as job
      ${rowsSql(input, p)} order by ${order(input, 'j')} ${limit}
    ) r on true
    order by r.namespace ${dir}, r.id ${dir}`;
  return prepared(text, p.values);
}
