// canonicalizeJob: the job exactly as Nomad would store it and return it from
// GET /v1/job/:id. Nomad fills defaults twice (the api package on the decoded body, then the
// server's admission mutators); both passes are applied here in one go. See README.md.
import type { Job, JobInput, Multiregion, UpdateStrategy } from '@caravan/nomad-api';
import { canonicalizeAffinity, canonicalizeConstraint } from './canonicalize-resources';
import { canonicalizeGroup } from './canonicalize-group';
import { canonicalizeSpread } from './canonicalize-spread';
import { addImpliedConstraints } from './implied-constraints';
import { bool, listAsGiven, nanos, nonEmptyList, nonEmptyMap, num, overlay, str } from './loose';
import {
  DEFAULT_JOB_PRIORITY,
  DEFAULT_NAMESPACE,
  DEFAULT_NODE_POOL,
  defaultUpdateStrategy,
} from './spec.defaults';

export interface CanonicalizeContext {
  /** The job's resolved region (see resolveJobRegion); always written into Job.Region. */
  region: string;
  /** The resolved namespace (see resolveJobNamespace); when absent, Job.Namespace or `default`. */
  namespace?: string;
  /** Server `job_default_priority`, used only when the body says Priority 0. Default 50. */
  defaultPriority?: number;
}

export function canonicalizeJob(input: JobInput, ctx: CanonicalizeContext): Job {
  const id = str(input.ID);
  // api: a missing Name becomes the ID; an explicit "" stays and fails validation.
  const name = input.Name ?? id;
  const type = input.Type ?? 'service';
  const namespace = ctx.namespace || str(input.Namespace) || DEFAULT_NAMESPACE;
  const jobUpdate = apiJobUpdate(input, type);
  const groupScope = { job: input, jobId: id, jobName: name, jobType: type, namespace, jobUpdate };
  const groups =
    nonEmptyList(input.TaskGroups)?.map((g) => canonicalizeGroup(g, groupScope)) ?? null;
  if (groups) addImpliedConstraints(groups);
  const datacenters = nonEmptyList(input.Datacenters);
  const priority = input.Priority ?? DEFAULT_JOB_PRIORITY;
  return {
    Stop: bool(input.Stop),
    Region: ctx.region,
    Namespace: namespace,
    ID: id,
    ParentID: str(input.ParentID),
    Name: name,
    Type: type,
    Priority: priority === 0 ? (ctx.defaultPriority ?? DEFAULT_JOB_PRIORITY) : priority,
    AllAtOnce: bool(input.AllAtOnce),
    // Datacenters are optional in current Nomad: none means every datacenter.
    Datacenters: datacenters ?? ['*'],
    NodePool: str(input.NodePool) || DEFAULT_NODE_POOL,
    Constraints: nonEmptyList(input.Constraints)?.map(canonicalizeConstraint) ?? null,
    Affinities: nonEmptyList(input.Affinities)?.map(canonicalizeAffinity) ?? null,
    Spreads: nonEmptyList(input.Spreads)?.map(canonicalizeSpread) ?? null,
    TaskGroups: groups,
    Update: serverJobUpdate(jobUpdate),
    Multiregion: input.Multiregion ? canonicalizeMultiregion(input.Multiregion) : null,
    Periodic: input.Periodic
      ? {
          Enabled: input.Periodic.Enabled ?? true,
          Spec: str(input.Periodic.Spec),
          Specs: listAsGiven(input.Periodic.Specs) ?? [],
          SpecType: input.Periodic.SpecType ?? 'cron',
          ProhibitOverlap: bool(input.Periodic.ProhibitOverlap),
          TimeZone: str(input.Periodic.TimeZone) || 'UTC',
        }
      : null,
    ParameterizedJob: input.ParameterizedJob
      ? {
          Payload: str(input.ParameterizedJob.Payload) || 'optional',
          MetaRequired: listAsGiven(input.ParameterizedJob.MetaRequired),
          MetaOptional: listAsGiven(input.ParameterizedJob.MetaOptional),
        }
      : null,
    Dispatched: bool(input.Dispatched),
    DispatchIdempotencyToken: str(input.DispatchIdempotencyToken),
    Payload: input.Payload ?? null,
    Meta: nonEmptyMap(input.Meta),
    ConsulNamespace: str(input.ConsulNamespace),
    VaultNamespace: str(input.VaultNamespace),
    NomadTokenID: str(input.NomadTokenID),
    Status: str(input.Status),
    StatusDescription: str(input.StatusDescription),
    Stable: bool(input.Stable),
    Version: num(input.Version),
    SubmitTime: nanos(input.SubmitTime),
    CreateIndex: num(input.CreateIndex),
    ModifyIndex: num(input.ModifyIndex),
    JobModifyIndex: num(input.JobModifyIndex),
    UI: input.UI
      ? {
          Description: str(input.UI.Description),
          Links:
            nonEmptyList(input.UI.Links)?.map((l) => ({ Label: str(l.Label), Url: str(l.URL) })) ??
            null,
        }
      : null,
    VersionTag: input.VersionTag
      ? {
          Name: str(input.VersionTag.Name),
          Description: str(input.VersionTag.Description),
          TaggedTime: nanos(input.VersionTag.TaggedTime),
        }
      : null,
  };
}

/** api: service and system jobs get the default update block; a given one is filled from it. */
function apiJobUpdate(input: JobInput, type: string): UpdateStrategy | null {
  if (input.Update) return overlay(defaultUpdateStrategy(), input.Update);
  return type === 'service' || type === 'system' ? defaultUpdateStrategy() : null;
}

/** The server keeps only Stagger and MaxParallel at job level, and only when MaxParallel > 0. */
function serverJobUpdate(u: UpdateStrategy | null): UpdateStrategy {
  const zero: UpdateStrategy = {
    Stagger: 0,
    MaxParallel: 0,
    HealthCheck: '',
    MinHealthyTime: 0,
    HealthyDeadline: 0,
    ProgressDeadline: 0,
    AutoRevert: false,
    AutoPromote: false,
    Canary: 0,
  };
  if (!u || u.MaxParallel <= 0) return zero;
  return { ...zero, Stagger: u.Stagger, MaxParallel: u.MaxParallel };
}

function canonicalizeMultiregion(m: NonNullable<JobInput['Multiregion']>): Multiregion {
  return {
    Strategy: { MaxParallel: num(m.Strategy?.MaxParallel), OnFailure: str(m.Strategy?.OnFailure) },
    Regions: (listAsGiven(m.Regions) ?? []).map((r) => ({
      Name: str(r.Name),
      Count: r.Count ?? 1,
      Datacenters: listAsGiven(r.Datacenters) ?? [],
      NodePool: str(r.NodePool),
      Meta: r.Meta ? { ...(r.Meta as Record<string, string>) } : {},
    })),
  };
}
