// Services and checks: Nomad's api defaults, then the server's Service.Canonicalize.
import type { Loose, Service, ServiceCheck, WorkloadIdentity } from '@caravan/nomad-api';
import { bool, listAsGiven, nanos, nonEmptyList, nonEmptyMap, num, str } from './loose';

/** Where a service is declared: a task name, or the group itself. */
export interface ServiceScope {
  jobName: string;
  jobNamespace: string;
  groupName: string;
  taskName: string | null;
}

export function canonicalizeServices(
  input: Loose<Service>[] | null | undefined,
  scope: ServiceScope,
): Service[] | null {
  const list = nonEmptyList(input);
  return list ? list.map((s) => canonicalizeService(s, scope)) : null;
}

function canonicalizeService(s: Loose<Service>, scope: ServiceScope): Service {
  const task = scope.taskName;
  // api: an unnamed service is "<job>-<group>[-<task>]".
  const defaultName =
    task === null
      ? `${scope.jobName}-${scope.groupName}`
      : `${scope.jobName}-${scope.groupName}-${task}`;
  const onUpdate = str(s.OnUpdate) || 'require_healthy';
  const provider = str(s.Provider) || 'consul';
  const taskName = str(s.TaskName) || (task ?? '');
  const name = interpolateServiceName(str(s.Name) || defaultName, scope);
  let namespace = str(s.Namespace);
  if (provider === 'nomad') namespace = scope.jobNamespace;
  else if (namespace === '' && provider === 'consul') namespace = 'default';
  const checks = nonEmptyList(s.Checks);
  return {
    Name: name,
    TaskName: taskName,
    PortLabel: str(s.PortLabel),
    AddressMode: str(s.AddressMode) || 'auto',
    Address: str(s.Address),
    EnableTagOverride: bool(s.EnableTagOverride),
    Tags: nonEmptyList(s.Tags),
    CanaryTags: nonEmptyList(s.CanaryTags),
    Checks: checks
      ? checks.map((c) => canonicalizeCheck(c, name, taskName, onUpdate, task === null))
      : null,
    Connect: s.Connect ?? null,
    Meta: nonEmptyMap(s.Meta),
    CanaryMeta: nonEmptyMap(s.CanaryMeta),
    Weights: s.Weights
      ? {
          Passing: Math.max(num(s.Weights.Passing), 1),
          Warning: Math.max(num(s.Weights.Warning), 1),
        }
      : null,
    TaggedAddresses: nonEmptyMap(s.TaggedAddresses),
    Namespace: namespace,
    OnUpdate: onUpdate,
    Provider: provider,
    Cluster: str(s.Cluster) || 'default',
    Identity: s.Identity ? canonicalizeIdentity(s.Identity) : null,
    Kind: str(s.Kind),
  };
}

function canonicalizeCheck(
  c: Loose<ServiceCheck>,
  serviceName: string,
  serviceTask: string,
  onUpdate: string,
  groupLevel: boolean,
): ServiceCheck {
  // Only group-level checks keep a TaskName from the submission; task checks take the task's.
  const submittedTask = groupLevel ? str(c.TaskName) : '';
  const header = nonEmptyMap(c.Header);
  return {
    Name: str(c.Name) || `service: ${JSON.stringify(serviceName)} check`,
    Type: str(c.Type),
    Command: str(c.Command),
    Args: nonEmptyList(c.Args),
    Path: str(c.Path),
    Protocol: str(c.Protocol),
    PortLabel: str(c.PortLabel),
    Expose: bool(c.Expose),
    AddressMode: str(c.AddressMode),
    Interval: nanos(c.Interval),
    Timeout: nanos(c.Timeout),
    InitialStatus: str(c.InitialStatus),
    Notes: str(c.Notes),
    TLSServerName: str(c.TLSServerName),
    TLSSkipVerify: bool(c.TLSSkipVerify),
    Method: str(c.Method),
    Header: header
      ? (Object.fromEntries(Object.entries(header).map(([k, v]) => [k, nonEmptyList(v)])) as Record<
          string,
          string[]
        >)
      : null,
    CheckRestart: c.CheckRestart
      ? {
          Limit: num(c.CheckRestart.Limit),
          Grace: c.CheckRestart.Grace ?? 1_000_000_000,
          IgnoreWarnings: bool(c.CheckRestart.IgnoreWarnings),
        }
      : null,
    GRPCService: str(c.GRPCService),
    GRPCUseTLS: bool(c.GRPCUseTLS),
    TaskName: submittedTask || serviceTask,
    SuccessBeforePassing: Math.max(num(c.SuccessBeforePassing), 0),
    FailuresBeforeCritical: Math.max(num(c.FailuresBeforeCritical), 0),
    FailuresBeforeWarning: Math.max(num(c.FailuresBeforeWarning), 0),
    Body: str(c.Body),
    OnUpdate: str(c.OnUpdate) || onUpdate,
  };
}

/** Nomad expands ${JOB}, ${TASKGROUP}, ${TASK} and ${BASE} in service names. */
function interpolateServiceName(name: string, scope: ServiceScope): string {
  const task = scope.taskName ?? 'group';
  const vars: Record<string, string> = {
    JOB: scope.jobName,
    TASKGROUP: scope.groupName,
    TASK: task,
    BASE: `${scope.jobName}-${scope.groupName}-${task}`,
  };
  return name.replace(/\$\{([A-Z]+)\}/g, (whole, key: string) => vars[key] ?? whole);
}

export function canonicalizeIdentity(w: Loose<WorkloadIdentity>): WorkloadIdentity {
  const name = str(w.Name) || 'default';
  return {
    Name: name,
    // The default identity is only ever valid for Nomad itself.
    Audience: name === 'default' ? ['nomadproject.io'] : listAsGiven(w.Audience),
    ChangeMode: str(w.ChangeMode),
    ChangeSignal: str(w.ChangeSignal).toUpperCase(),
    Env: bool(w.Env),
    File: bool(w.File),
    Filepath: str(w.Filepath),
    ServiceName: str(w.ServiceName),
    TTL: nanos(w.TTL),
    ExtraClaims: listAsGiven(w.ExtraClaims),
  };
}

export function defaultIdentity(): WorkloadIdentity {
  return canonicalizeIdentity({});
}
