import { parseJson } from '@caravan/json';
import type { Job, JobSummary } from '@caravan/nomad-api';
import type pg from 'pg';
import type { QueryResult } from '../blocking/blocking-query';
import {
  JOB_TABLES,
  type JobListPage,
  type JobReadsRepository,
  type ListJobsQuery,
} from './job-reads.repository';
import { listJobsPage } from './pg-job-list';

// JSON leaves PostgreSQL as text and goes through the bigint-safe codec (SubmitTime exceeds
// 2^53). Ordering is COLLATE "C": byte order of UTF-8, which is Go's string order.
const TABLE_INDEX = (param: string) =>
  `(select coalesce(max("index"), 0) from rm_table_index where table_name = any(${param}::text[]))`;

const JOB_SQL = `
  select ${TABLE_INDEX('$3')}::text as table_index,
         (select modify_index::text from rm_jobs where namespace = $1 and id = $2) as modify_index,
         (select job::text from rm_jobs where namespace = $1 and id = $2) as doc`;

const VERSIONS_SQL = `
  select ${TABLE_INDEX('$3')}::text as table_index,
         (select max(modify_index)::text from rm_job_versions where namespace = $1 and job_id = $2) as modify_index,
         (select json_agg(v.job order by v.version desc)::text
            from rm_job_versions v where v.namespace = $1 and v.job_id = $2) as doc`;

const SUMMARY_SQL = `
  select ${TABLE_INDEX('$3')}::text as table_index,
         (select modify_index::text from rm_job_summaries where namespace = $1 and job_id = $2) as modify_index,
         (select summary::text from rm_job_summaries where namespace = $1 and job_id = $2) as doc`;

const EVALUATIONS_SQL = `
  select ${TABLE_INDEX('$3')}::text as table_index, null as modify_index,
         (select coalesce(json_agg(e.evaluation order by e.id collate "C"), '[]'::json)::text
            from rm_evaluations e where e.namespace = $1 and e.job_id = $2) as doc`;

const GLOBAL_SQL = `select coalesce(max("index"), 0)::text as index from rm_table_index`;

interface Row {
  table_index: string;
  modify_index: string | null;
  doc: string | null;
}

/** rm_* tables (libs/read-models) through the read-model pool. */
export class PgJobReadsRepository implements JobReadsRepository {
  constructor(private readonly pool: pg.Pool) {}

  readJob(namespace: string, jobId: string): Promise<QueryResult<Job | null>> {
    return this.one(JOB_SQL, [namespace, jobId, JOB_TABLES.job], null);
  }

  async listVersions(namespace: string, jobId: string): Promise<QueryResult<Job[]>> {
    return this.one(VERSIONS_SQL, [namespace, jobId, JOB_TABLES.versions], []);
  }

  readSummary(namespace: string, jobId: string): Promise<QueryResult<JobSummary | null>> {
    return this.one(SUMMARY_SQL, [namespace, jobId, JOB_TABLES.summary], null);
  }

  listEvaluations(namespace: string, jobId: string): Promise<QueryResult<unknown[]>> {
    return this.one(EVALUATIONS_SQL, [namespace, jobId, JOB_TABLES.evaluations], []);
  }

  listJobs(query: ListJobsQuery): Promise<QueryResult<JobListPage>> {
    return listJobsPage(this.pool, { ...query, tables: JOB_TABLES.list });
  }

  async globalIndex(): Promise<number> {
    const { rows } = await this.pool.query<{ index: string }>(GLOBAL_SQL);
    return Math.max(1, Number(rows[0]?.index ?? 0));
  }

  /** A row's own ModifyIndex when it exists, else the table index (Nomad's rule). */
  private async one<T>(sql: string, params: unknown[], empty: T): Promise<QueryResult<T>> {
    const { rows } = await this.pool.query<Row>(sql, params);
    const row = rows[0];
    const tableIndex = Number(row?.table_index ?? 0);
    const doc = row?.doc ?? null;
    const index = row?.modify_index != null ? Number(row.modify_index) : tableIndex;
    return { index, body: doc === null ? empty : parseJson<T>(doc) };
  }
}
