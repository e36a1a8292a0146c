// The api package's Job.Canonicalize on the api-shape job, for `/v1/jobs/parse` with
// `Canonicalize: true`. Unlike canonicalizeJob (the server shape) it only fills nil
// pointers: empty maps and lists stay as given, Datacenters and NodePool are untouched,
// no implied constraints or default workload identity are added, and fields the
// api→server conversion drops (ParentID, deprecated group fields...) are kept.
import { canonicalizeApiTask, fill, isObject, type ApiBlock } from './canonicalize-api-shape-task';
import { isEmptyUpdate } from './canonicalize-group';
import {
  DEFAULT_AFFINITY_WEIGHT,
  DEFAULT_JOB_PRIORITY,
  DEFAULT_NAMESPACE,
  GLOBAL_REGION,
  defaultEphemeralDisk,
  defaultMigrateStrategy,
  defaultReschedulePolicy,
  defaultRestartPolicy,
  defaultUpdateStrategy,
} from './spec.defaults';

const JOB_DEFAULTS: ApiBlock = {
  ID: '',
  Region: GLOBAL_REGION,
  Namespace: DEFAULT_NAMESPACE,
  Type: 'service',
  ParentID: '',
  Stop: false,
  Priority: DEFAULT_JOB_PRIORITY,
  AllAtOnce: false,
  NodePool: '',
  ConsulNamespace: '',
  VaultNamespace: '',
  NomadTokenID: '',
  Status: '',
  StatusDescription: '',
  Stable: false,
  Version: 0,
  CreateIndex: 0,
  ModifyIndex: 0,
  JobModifyIndex: 0,
};

export function canonicalizeApiShapeJob(parsed: ApiBlock): ApiBlock {
  const job = fill(parsed, JOB_DEFAULTS);
  if (job.Name === null || job.Name === undefined) job.Name = job.ID;
  const type = String(job.Type);
  if (isObject(job.Periodic)) {
    const p = fill(job.Periodic, {
      Enabled: true,
      Spec: '',
      Specs: [],
      SpecType: 'cron',
      ProhibitOverlap: false,
    });
    if (!p.TimeZone) p.TimeZone = 'UTC';
    job.Periodic = p;
  }
  if (isObject(job.ParameterizedJob)) {
    const d = { ...job.ParameterizedJob };
    if (!d.Payload) d.Payload = 'optional';
    job.ParameterizedJob = d;
  }
  if (isObject(job.Update)) job.Update = fill(job.Update, defaultUpdateStrategy());
  else if (type === 'service' || type === 'system') job.Update = defaultUpdateStrategy();
  weighted(job, 'Affinities');
  weighted(job, 'Spreads');
  if (Array.isArray(job.TaskGroups)) {
    job.TaskGroups = job.TaskGroups.map((g: unknown) => (isObject(g) ? apiGroup(g, job) : g));
  }
  return job;
}

function apiGroup(g: ApiBlock, job: ApiBlock): ApiBlock {
  const type = String(job.Type);
  const group = { ...g };
  if (group.Name === null || group.Name === undefined) group.Name = '';
  if (group.Count === null || group.Count === undefined) {
    const min = isObject(group.Scaling) ? group.Scaling.Min : null;
    group.Count = min ?? 1;
  }
  if (isObject(group.Scaling)) {
    group.Scaling = fill(group.Scaling, { Min: group.Count, Type: 'horizontal', Enabled: true });
  }
  group.EphemeralDisk = fill(group.EphemeralDisk, defaultEphemeralDisk());
  group.Update = apiGroupUpdate(job.Update, group.Update);
  group.ReschedulePolicy = apiGroupReschedule(job.Reschedule, group.ReschedulePolicy, type);
  if (isObject(job.Migrate) || isObject(group.Migrate) || type === 'service') {
    group.Migrate = fill(fill(group.Migrate, job.Migrate), defaultMigrateStrategy());
  }
  const restart = fill(group.RestartPolicy, defaultRestartPolicy(type));
  group.RestartPolicy = restart;
  if (isObject(group.Consul)) group.Consul = fill(group.Consul, { Cluster: 'default' });
  if (isObject(group.Disconnect)) {
    group.Disconnect = fill(group.Disconnect, { Replace: true, Reconcile: 'best_score' });
  }
  weighted(group, 'Affinities');
  weighted(group, 'Spreads');
  if (Array.isArray(group.Tasks)) {
    group.Tasks = group.Tasks.map((t: unknown) =>
      isObject(t) ? canonicalizeApiTask(t, restart) : t,
    );
  }
  return group;
}

/** The job's update is inherited when it sets anything; the group's own fields win. */
function apiGroupUpdate(jobUpdate: unknown, groupUpdate: unknown): unknown {
  const inherited = isObject(jobUpdate) && !isEmptyUpdate(jobUpdate) ? jobUpdate : null;
  if (isObject(groupUpdate)) {
    return fill(fill(groupUpdate, inherited ?? {}), defaultUpdateStrategy());
  }
  return inherited ? { ...inherited } : null;
}

function apiGroupReschedule(jobPolicy: unknown, groupPolicy: unknown, type: string): unknown {
  if (!isObject(jobPolicy) && !isObject(groupPolicy)) {
    return type === 'system' || type === 'sysbatch' ? null : defaultReschedulePolicy(type);
  }
  return fill(fill(groupPolicy, jobPolicy), defaultReschedulePolicy(type));
}

/** Affinities and spreads get weight 50 when none is given. */
function weighted(block: ApiBlock, key: 'Affinities' | 'Spreads'): void {
  const list = block[key];
  if (!Array.isArray(list)) return;
  block[key] = list.map((a: unknown) =>
    isObject(a) ? fill(a, { Weight: DEFAULT_AFFINITY_WEIGHT }) : a,
  );
}
