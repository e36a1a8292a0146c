// Tasks: Nomad's api Task.Canonicalize, the api→server conversion, then Task.Canonicalize.
import type {
  Loose,
  RestartPolicy,
  Task,
  TaskArtifact,
  Template,
  Vault,
  WorkloadIdentity,
} from '@caravan/nomad-api';
import {
  canonicalizeIdentity,
  canonicalizeServices,
  defaultIdentity,
} from './canonicalize-service';
import {
  canonicalizeAffinity,
  canonicalizeConstraint,
  canonicalizeResources,
} from './canonicalize-resources';
import { canonicalizeScaling } from './canonicalize-scaling';
import { bool, isZero, listAsGiven, nanos, nonEmptyList, nonEmptyMap, overlay, str } from './loose';
import { DEFAULT_KILL_TIMEOUT, SECOND, defaultLogConfig } from './spec.defaults';

export interface TaskScope {
  jobId: string;
  jobName: string;
  jobNamespace: string;
  vaultNamespace: string;
  groupName: string;
  groupRestart: RestartPolicy;
}

export function canonicalizeTask(t: Loose<Task>, scope: TaskScope): Task {
  const name = str(t.Name);
  const logs = t.LogConfig;
  const { identity, identities } = canonicalizeIdentities(t.Identity, t.Identities);
  return {
    Name: name,
    Driver: str(t.Driver),
    User: str(t.User),
    Config: nonEmptyMap(t.Config),
    Env: nonEmptyMap(t.Env),
    Services: canonicalizeServices(t.Services, { ...scope, taskName: name }),
    Vault: t.Vault ? canonicalizeVault(t.Vault, scope.vaultNamespace) : null,
    Secrets:
      nonEmptyList(t.Secrets)?.map((s) => ({
        Name: str(s.Name),
        Provider: str(s.Provider),
        Path: str(s.Path),
        Config: nonEmptyMap(s.Config),
        Env: nonEmptyMap(s.Env),
      })) ?? null,
    Consul: t.Consul
      ? {
          Namespace: str(t.Consul.Namespace),
          Cluster: str(t.Consul.Cluster) || 'default',
          Partition: str(t.Consul.Partition),
        }
      : null,
    Templates: nonEmptyList(t.Templates)?.map(canonicalizeTemplate) ?? null,
    Constraints: nonEmptyList(t.Constraints)?.map(canonicalizeConstraint) ?? null,
    Affinities: nonEmptyList(t.Affinities)?.map(canonicalizeAffinity) ?? null,
    Resources: canonicalizeResources(t.Resources),
    // A task's restart block is the group's with the task's own fields laid over it.
    RestartPolicy: overlay(scope.groupRestart, t.RestartPolicy),
    DispatchPayload: t.DispatchPayload ? { File: str(t.DispatchPayload.File) } : null,
    Lifecycle: t.Lifecycle
      ? { Hook: str(t.Lifecycle.Hook), Sidecar: bool(t.Lifecycle.Sidecar) }
      : null,
    Meta: nonEmptyMap(t.Meta),
    KillTimeout: isZero(t.KillTimeout) ? DEFAULT_KILL_TIMEOUT : nanos(t.KillTimeout),
    LogConfig: overlay(defaultLogConfig(), logs),
    Artifacts: nonEmptyList(t.Artifacts)?.map(canonicalizeArtifact) ?? null,
    Leader: bool(t.Leader),
    ShutdownDelay: nanos(t.ShutdownDelay),
    VolumeMounts:
      nonEmptyList(t.VolumeMounts)
        ?.filter((m) => m.Volume !== null && m.Volume !== undefined)
        .map((m) => ({
          Volume: str(m.Volume),
          Destination: str(m.Destination),
          ReadOnly: bool(m.ReadOnly),
          PropagationMode: m.PropagationMode ?? 'private',
          SELinuxLabel: str(m.SELinuxLabel),
        })) ?? null,
    ScalingPolicies:
      nonEmptyList(t.ScalingPolicies)?.map((p) =>
        canonicalizeScaling(p, 0, {
          Namespace: scope.jobNamespace,
          Job: scope.jobId,
          Group: scope.groupName,
          Task: name,
        }),
      ) ?? null,
    KillSignal: str(t.KillSignal),
    Kind: str(t.Kind),
    CSIPluginConfig: t.CSIPluginConfig ?? null,
    Identity: identity,
    Identities: identities,
    Actions:
      nonEmptyList(t.Actions)?.map((a) => ({
        Name: str(a.Name),
        Command: str(a.Command),
        Args: listAsGiven(a.Args),
      })) ?? null,
    Schedule: t.Schedule ?? null,
  };
}

function canonicalizeVault(v: Loose<Vault>, jobVaultNamespace: string): Vault {
  return {
    Role: str(v.Role),
    Namespace: str(v.Namespace) || jobVaultNamespace,
    Cluster: str(v.Cluster) || 'default',
    Env: v.Env ?? true,
    DisableFile: bool(v.DisableFile),
    ChangeMode: str(v.ChangeMode) || 'restart',
    ChangeSignal: (v.ChangeSignal ?? 'SIGHUP').toUpperCase(),
    AllowTokenExpiration: bool(v.AllowTokenExpiration),
  };
}

function canonicalizeTemplate(t: Loose<Template>): Template {
  const changeMode = t.ChangeMode ?? 'restart';
  const cs = t.ChangeScript;
  return {
    SourcePath: str(t.SourcePath),
    DestPath: str(t.DestPath),
    EmbeddedTmpl: str(t.EmbeddedTmpl),
    ChangeMode: changeMode,
    ChangeSignal: (t.ChangeSignal ?? (changeMode === 'signal' ? 'SIGHUP' : '')).toUpperCase(),
    ChangeScript: cs
      ? {
          Command: str(cs.Command),
          Args: listAsGiven(cs.Args) ?? [],
          Timeout: cs.Timeout ?? 5 * SECOND,
          FailOnError: bool(cs.FailOnError),
          RunOnFirstRender: bool(cs.RunOnFirstRender),
        }
      : null,
    Once: bool(t.Once),
    Splay: t.Splay ?? 5 * SECOND,
    Perms: t.Perms ?? '0644',
    Uid: t.Uid ?? null,
    Gid: t.Gid ?? null,
    LeftDelim: t.LeftDelim ?? '{{',
    RightDelim: t.RightDelim ?? '}}',
    Envvars: bool(t.Envvars),
    VaultGrace: nanos(t.VaultGrace),
    Wait: t.Wait ? { Min: t.Wait.Min ?? null, Max: t.Wait.Max ?? null } : null,
    ErrMissingKey: bool(t.ErrMissingKey),
  };
}

function canonicalizeArtifact(a: Loose<TaskArtifact>): TaskArtifact {
  const mode = a.GetterMode ?? 'any';
  const source = str(a.GetterSource);
  // api: a single-file artifact lands at local/<basename of the source> unless told otherwise.
  const fileDest = `local/${source.split('/').filter(Boolean).pop() ?? '.'}`;
  return {
    GetterSource: source,
    GetterOptions: nonEmptyMap(a.GetterOptions),
    GetterHeaders: nonEmptyMap(a.GetterHeaders),
    GetterMode: mode,
    GetterInsecure: bool(a.GetterInsecure),
    RelativeDest: a.RelativeDest ?? (mode === 'file' ? fileDest : 'local/'),
    Chown: bool(a.Chown),
  };
}

/** The identity named "default" always lives in Identity; others stay in Identities. */
function canonicalizeIdentities(
  identity: Loose<WorkloadIdentity> | null | undefined,
  list: Loose<WorkloadIdentity>[] | null | undefined,
): { identity: WorkloadIdentity; identities: WorkloadIdentity[] | null } {
  let chosen = identity ? canonicalizeIdentity(identity) : null;
  const rest: WorkloadIdentity[] = [];
  for (const wid of nonEmptyList(list) ?? []) {
    const c = canonicalizeIdentity(wid);
    if (c.Name === 'default') chosen = c;
    else rest.push(c);
  }
  return {
    identity: chosen ?? defaultIdentity(),
    identities: list && list.length > 0 ? rest : null,
  };
}
