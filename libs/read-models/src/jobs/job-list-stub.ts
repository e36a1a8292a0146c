import type { Job, JobListStub, JobSummary } from '@caravan/nomad-api';

/**
 * Nomad's Job.Stub: the list entry of GET /v1/jobs. `Periodic` is true whenever a periodic
 * block exists (even disabled); `ParameterizedJob` only for parents, not dispatched children.
 * `Meta` only with `?meta=true`, and left out when the job has none (omitempty).
 */
export function toJobListStub(
  job: Job,
  summary: JobSummary | null,
  withMeta: boolean,
): JobListStub {
  const stub: JobListStub = {
    ID: job.ID,
    ParentID: job.ParentID,
    Name: job.Name,
    Namespace: job.Namespace,
    Datacenters: job.Datacenters,
    NodePool: job.NodePool,
    Multiregion: job.Multiregion,
    Type: job.Type,
    Priority: job.Priority,
    Periodic: job.Periodic !== null && job.Periodic !== undefined,
    ParameterizedJob:
      job.ParameterizedJob !== null && job.ParameterizedJob !== undefined && !job.Dispatched,
    Stop: job.Stop,
    Status: job.Status,
    StatusDescription: job.StatusDescription,
    JobSummary: summary,
    CreateIndex: job.CreateIndex,
    ModifyIndex: job.ModifyIndex,
    JobModifyIndex: job.JobModifyIndex,
    SubmitTime: job.SubmitTime,
  };
  if (withMeta && job.Meta !== null && Object.keys(job.Meta).length > 0) stub.Meta = job.Meta;
  return stub;
}
