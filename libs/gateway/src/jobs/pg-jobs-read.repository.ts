import { parseJson } from '@caravan/json';
import type pg from 'pg';
import type { QueryResult } from '../blocking/blocking-query';
import {
  JOB_LIST_TABLES,
  type JobsReadRepository,
  type ListJobsQuery,
} from './jobs-read.repository';

// Rows and index come from one statement, hence one snapshot. JSON leaves PostgreSQL as text
// and goes through the bigint-safe codec (SubmitTime exceeds 2^53).
const LIST_SQL = `
  SELECT (SELECT coalesce(max("index"), 0) FROM rm_table_index WHERE table_name = ANY($1::text[]))::text AS index,
         (SELECT coalesce(json_agg(j.job ORDER BY j.namespace, j.id), '[]'::json)
            FROM rm_jobs j
           WHERE ($2 = '*' OR j.namespace = $2) AND starts_with(j.id, $3))::text AS jobs`;

/**
 * Interim reader over `rm_jobs` (libs/read-models) until the Jobs API slice ships the job
 * list stub: it returns each row's full Nomad job document, filtered by namespace (`*` = all)
 * and ID prefix, ordered like Nomad's (namespace, id) iteration.
 */
export class PgJobsReadRepository implements JobsReadRepository {
  constructor(private readonly pool: pg.Pool) {}

  async listJobs(query: ListJobsQuery): Promise<QueryResult<unknown[]>> {
    const { rows } = await this.pool.query<{ index: string; jobs: string }>(LIST_SQL, [
      JOB_LIST_TABLES,
      query.namespace,
      query.prefix,
    ]);
    const row = rows[0];
    return { index: Number(row?.index ?? 0), body: parseJson<unknown[]>(row?.jobs ?? '[]') };
  }
}
