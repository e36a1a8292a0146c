// The scheduler's view for a plan dry run, read from the read models in ONE statement (one
// PostgreSQL snapshot), so nodes, allocations, job versions and the index agree. Only what
// can matter is read: every allocation of the planned job, and the live (non-terminal)
// allocations of other jobs, which hold capacity, ports and distinct_* slots.
import { parseJson } from '@caravan/json';
import type { Job } from '@caravan/nomad-api';
import type { SnapshotData, SchedulerAllocation } from '@caravan/domain/scheduler';
import type { NomadAllocation, NomadNodeJson } from '@caravan/read-models';
import type pg from 'pg';
import { allocationFromReadModel, nodeFromReadModel } from './plan-snapshot.adapter';

const SNAPSHOT_SQL = `
  with live as (
    select a.allocation, a.namespace, a.job_id, a.job_version
      from rm_allocations a
     where (a.namespace = $1 and a.job_id = $2)
        or (a.desired_status = 'run' and a.client_status not in ('complete', 'failed', 'lost'))
  )
  select (select coalesce(max("index"), 0) from rm_table_index)::text as table_index,
         (select coalesce(json_agg(n.node order by n.create_index, n.id collate "C"), '[]'::json)
            from rm_nodes n)::text as nodes,
         (select coalesce(json_agg(json_build_object('v', l.job_version, 'a', l.allocation)), '[]'::json)
            from live l)::text as allocs,
         (select coalesce(json_agg(v.job), '[]'::json)
            from rm_job_versions v
           where (v.namespace, v.job_id, v.version) in
                 (select distinct namespace, job_id, job_version from live))::text as versions,
         (select job::text from rm_jobs where namespace = $1 and id = $2) as job`;

interface Row {
  table_index: string;
  nodes: string;
  allocs: string;
  versions: string;
  job: string | null;
}

export interface PlanState {
  snapshot: SnapshotData;
  /** the planned job's current version, null when there is none */
  existing: Job | null;
}

export async function readPlanState(
  pool: pg.Pool,
  namespace: string,
  jobId: string,
): Promise<PlanState> {
  const { rows } = await pool.query<Row>(SNAPSHOT_SQL, [namespace, jobId]);
  const row = rows[0];
  if (row === undefined) throw new Error('plan snapshot query returned no row');
  const versions = new Map<string, Job>();
  for (const job of parseJson<Job[]>(row.versions))
    versions.set(versionKey(job.Namespace, job.ID, job.Version), job);
  const allocations: SchedulerAllocation[] = [];
  for (const { v, a } of parseJson<{ v: number; a: NomadAllocation }[]>(row.allocs)) {
    const job = versions.get(versionKey(a.Namespace, a.JobID, v));
    // an allocation whose version is unknown cannot be reasoned about, as in the worker
    if (job !== undefined) allocations.push(allocationFromReadModel(a, job));
  }
  return {
    snapshot: {
      index: Math.max(1, Number(row.table_index)),
      nodes: parseJson<NomadNodeJson[]>(row.nodes).map(nodeFromReadModel),
      allocations,
      jobs: [],
    },
    existing: row.job === null ? null : parseJson<Job>(row.job),
  };
}

function versionKey(namespace: string, jobId: string, version: number): string {
  return `${namespace}\u0000${jobId}\u0000${version}`;
}
