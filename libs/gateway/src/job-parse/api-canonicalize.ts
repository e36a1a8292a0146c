// The api package's Job.Canonicalize for `/v1/jobs/parse` with `Canonicalize: true`: the
// client-side defaults on the api-shape job (not the server's: Datacenters stays null).
// Covers the job level, periodic, parameterized and update blocks and each group's count;
// deeper group and task defaults are applied at register time (docs/compatibility.md).

type ApiJob = Record<string, unknown>;

const SECOND = 1_000_000_000;
const MINUTE = 60 * SECOND;

const orDefault = (job: ApiJob, key: string, value: unknown): void => {
  if (job[key] === null || job[key] === undefined) job[key] = value;
};

function defaultUpdate(): ApiJob {
  return {
    Stagger: 30 * SECOND,
    MaxParallel: 1,
    HealthCheck: 'checks',
    MinHealthyTime: 10 * SECOND,
    HealthyDeadline: 5 * MINUTE,
    ProgressDeadline: 10 * MINUTE,
    Canary: 0,
    AutoRevert: false,
    AutoPromote: false,
  };
}

export function canonicalizeApiJob(parsed: ApiJob): ApiJob {
  const job: ApiJob = { ...parsed };
  orDefault(job, 'ID', '');
  orDefault(job, 'Region', 'global');
  orDefault(job, 'Namespace', 'default');
  orDefault(job, 'Type', 'service');
  orDefault(job, 'ParentID', '');
  orDefault(job, 'Name', job.ID);
  orDefault(job, 'Stop', false);
  orDefault(job, 'Priority', 50);
  orDefault(job, 'AllAtOnce', false);
  orDefault(job, 'NodePool', '');
  orDefault(job, 'ConsulNamespace', '');
  orDefault(job, 'VaultNamespace', '');
  orDefault(job, 'NomadTokenID', '');
  orDefault(job, 'Status', '');
  orDefault(job, 'StatusDescription', '');
  orDefault(job, 'Stable', false);
  orDefault(job, 'Version', 0);
  orDefault(job, 'CreateIndex', 0);
  orDefault(job, 'ModifyIndex', 0);
  orDefault(job, 'JobModifyIndex', 0);
  if (job.Periodic !== null && typeof job.Periodic === 'object') {
    const p: ApiJob = { ...(job.Periodic as ApiJob) };
    orDefault(p, 'Enabled', true);
    orDefault(p, 'Spec', '');
    orDefault(p, 'Specs', []);
    orDefault(p, 'SpecType', 'cron');
    orDefault(p, 'ProhibitOverlap', false);
    if (!p.TimeZone) p.TimeZone = 'UTC';
    job.Periodic = p;
  }
  if (job.ParameterizedJob !== null && typeof job.ParameterizedJob === 'object') {
    const d: ApiJob = { ...(job.ParameterizedJob as ApiJob) };
    if (!d.Payload) d.Payload = 'optional';
    job.ParameterizedJob = d;
  }
  if (job.Type === 'service' || job.Type === 'system') {
    const given =
      job.Update !== null && typeof job.Update === 'object' ? (job.Update as ApiJob) : {};
    const update = defaultUpdate();
    for (const [k, v] of Object.entries(given)) if (v !== null && v !== undefined) update[k] = v;
    job.Update = update;
  }
  if (Array.isArray(job.TaskGroups)) {
    job.TaskGroups = job.TaskGroups.map((g: unknown) => {
      if (g === null || typeof g !== 'object') return g;
      const group: ApiJob = { ...(g as ApiJob) };
      orDefault(group, 'Name', '');
      orDefault(group, 'Count', 1);
      return group;
    });
  }
  return job;
}
