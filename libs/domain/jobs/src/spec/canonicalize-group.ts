// Task groups: Nomad's api TaskGroup.Canonicalize (merging job-level blocks into groups),
// the api→server conversion, then the server's TaskGroup.Canonicalize.
import type {
  JobInput,
  Loose,
  MigrateStrategy,
  ReschedulePolicy,
  TaskGroup,
  UpdateStrategy,
} from '@caravan/nomad-api';
import {
  canonicalizeAffinity,
  canonicalizeConstraint,
  canonicalizeNetworks,
} from './canonicalize-resources';
import { canonicalizeScaling } from './canonicalize-scaling';
import { canonicalizeServices } from './canonicalize-service';
import { canonicalizeSpread } from './canonicalize-spread';
import { canonicalizeTask } from './canonicalize-task';
import { bool, isZero, nonEmptyList, nonEmptyMap, num, overlay, str } from './loose';
import {
  defaultEphemeralDisk,
  defaultMigrateStrategy,
  defaultReschedulePolicy,
  defaultRestartPolicy,
  defaultUpdateStrategy,
} from './spec.defaults';

export interface GroupScope {
  job: JobInput;
  jobId: string;
  jobName: string;
  jobType: string;
  namespace: string;
  /** The job-level update block after api canonicalization (null for batch jobs without one). */
  jobUpdate: UpdateStrategy | null;
}

export function canonicalizeGroup(g: Loose<TaskGroup>, scope: GroupScope): TaskGroup {
  const { job, jobType } = scope;
  const name = str(g.Name);
  const count =
    g.Count ?? (g.Scaling?.Min !== null && g.Scaling?.Min !== undefined ? g.Scaling.Min : 1);
  const restart = overlay(defaultRestartPolicy(jobType), g.RestartPolicy);
  const taskScope = {
    jobId: scope.jobId,
    jobName: scope.jobName,
    jobNamespace: scope.namespace,
    vaultNamespace: str(job.VaultNamespace),
    groupName: name,
    groupRestart: restart,
  };
  const serviceScope = {
    jobName: scope.jobName,
    jobNamespace: scope.namespace,
    groupName: name,
    taskName: null,
  };
  return {
    Name: name,
    Count: count,
    Update: groupUpdate(scope.jobUpdate, g.Update),
    Migrate: groupMigrate(job.Migrate, g.Migrate, jobType),
    Constraints: nonEmptyList(g.Constraints)?.map(canonicalizeConstraint) ?? null,
    Scaling: g.Scaling
      ? canonicalizeScaling(g.Scaling, count, {
          Namespace: scope.namespace,
          Job: scope.jobId,
          Group: name,
        })
      : null,
    RestartPolicy: restart,
    Disconnect: g.Disconnect
      ? {
          LostAfter: g.Disconnect.LostAfter ?? 0,
          StopOnClientAfter: g.Disconnect.StopOnClientAfter ?? null,
          Replace: g.Disconnect.Replace ?? true,
          Reconcile: str(g.Disconnect.Reconcile) || 'best_score',
        }
      : null,
    Tasks: nonEmptyList(g.Tasks)?.map((t) => canonicalizeTask(t, taskScope)) ?? null,
    EphemeralDisk: overlay(defaultEphemeralDisk(), g.EphemeralDisk),
    Meta: nonEmptyMap(g.Meta),
    ReschedulePolicy: groupReschedule(job.Reschedule, g.ReschedulePolicy, jobType),
    Affinities: nonEmptyList(g.Affinities)?.map(canonicalizeAffinity) ?? null,
    Spreads: nonEmptyList(g.Spreads)?.map(canonicalizeSpread) ?? null,
    Networks: canonicalizeNetworks(g.Networks),
    Consul: g.Consul
      ? {
          Namespace: str(g.Consul.Namespace) || str(job.ConsulNamespace),
          Cluster: str(g.Consul.Cluster) || 'default',
          Partition: str(g.Consul.Partition),
        }
      : null,
    Services: canonicalizeServices(g.Services, serviceScope),
    Volumes: canonicalizeVolumes(g.Volumes),
    ShutdownDelay: g.ShutdownDelay ?? null,
    MaxRunDuration: g.MaxRunDuration ?? null,
    // Nomad's api→server conversion does not carry these deprecated fields across.
    StopAfterClientDisconnect: null,
    MaxClientDisconnect: null,
    PreventRescheduleOnLost: false,
  };
}

/**
 * The job's update block is inherited when the group has none and it sets anything
 * (batch jobs have none, so their groups stay null); the group's own fields win.
 */
function groupUpdate(
  jobUpdate: UpdateStrategy | null,
  groupUpdate: Loose<UpdateStrategy> | null | undefined,
): UpdateStrategy | null {
  if (groupUpdate) return overlay(jobUpdate ?? defaultUpdateStrategy(), groupUpdate);
  if (jobUpdate && !isEmptyUpdate(jobUpdate)) return { ...jobUpdate };
  return null;
}

export function isEmptyUpdate(u: Loose<UpdateStrategy>): boolean {
  return (
    isZero(u.Stagger) &&
    num(u.MaxParallel) === 0 &&
    str(u.HealthCheck) === '' &&
    isZero(u.MinHealthyTime) &&
    isZero(u.HealthyDeadline) &&
    isZero(u.ProgressDeadline) &&
    !bool(u.AutoRevert) &&
    !bool(u.AutoPromote) &&
    num(u.Canary) === 0
  );
}

function groupReschedule(
  jobPolicy: Loose<ReschedulePolicy> | null | undefined,
  groupPolicy: Loose<ReschedulePolicy> | null | undefined,
  jobType: string,
): ReschedulePolicy | null {
  if (!jobPolicy && !groupPolicy) {
    return jobType === 'system' || jobType === 'sysbatch' ? null : defaultReschedulePolicy(jobType);
  }
  return overlay(overlay(defaultReschedulePolicy(jobType), jobPolicy), groupPolicy);
}

function groupMigrate(
  jobMigrate: Loose<MigrateStrategy> | null | undefined,
  groupMigrate: Loose<MigrateStrategy> | null | undefined,
  jobType: string,
): MigrateStrategy | null {
  if (!jobMigrate && !groupMigrate && jobType !== 'service') return null;
  return overlay(overlay(defaultMigrateStrategy(), jobMigrate), groupMigrate);
}

function canonicalizeVolumes(volumes: Loose<TaskGroup>['Volumes']): TaskGroup['Volumes'] {
  const entries = Object.entries(volumes ?? {}).filter(
    // Nomad silently drops volume requests of a type it does not know.
    ([, v]) => v !== null && v !== undefined && (v.Type === 'host' || v.Type === 'csi'),
  );
  if (entries.length === 0) return null;
  return Object.fromEntries(
    entries.map(([k, v]) => [
      k,
      {
        Name: str(v?.Name),
        Type: str(v?.Type),
        Source: str(v?.Source),
        ReadOnly: bool(v?.ReadOnly),
        Sticky: bool(v?.Sticky),
        AccessMode: str(v?.AccessMode),
        AttachmentMode: str(v?.AttachmentMode),
        MountOptions: v?.MountOptions
          ? { FSType: str(v.MountOptions.FSType), MountFlags: v.MountOptions.MountFlags ?? null }
          : null,
        PerAlloc: bool(v?.PerAlloc),
      },
    ]),
  );
}
