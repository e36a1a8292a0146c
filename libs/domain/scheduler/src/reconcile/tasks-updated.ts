import type { Job, NetworkResource, Task, TaskGroup } from '@caravan/nomad-api';
import { deepEqual } from '../util/deep-equal';

// Nomad's `tasksUpdated`: which spec changes force a new allocation (destructive update).
// Returns the first difference found as a short reason, or null when an in-place update is
// enough. Counts, services without Connect, constraints, affinities, spreads and the update,
// migrate, reschedule and restart policies (except render_templates) are not destructive.

export function tasksUpdated(
  oldJob: Job,
  oldGroup: TaskGroup,
  newJob: Job,
  newGroup: TaskGroup,
): string | null {
  const oldTasks = oldGroup.Tasks ?? [];
  const newTasks = newGroup.Tasks ?? [];
  if (oldTasks.length !== newTasks.length) return 'number of tasks';
  if (!deepEqual(oldGroup.EphemeralDisk, newGroup.EphemeralDisk)) return 'ephemeral_disk';
  if (!networksEqual(oldGroup.Networks, newGroup.Networks)) return 'group network';
  if (!deepEqual(oldGroup.Consul, newGroup.Consul)) return 'group consul';
  if (!deepEqual(connectServices(oldGroup), connectServices(newGroup))) return 'connect service';
  if (!deepEqual(oldGroup.Volumes, newGroup.Volumes)) return 'volume';
  if (renderTemplates(oldGroup.RestartPolicy) !== renderTemplates(newGroup.RestartPolicy)) {
    return 'restart.render_templates';
  }
  for (const task of newTasks) {
    const old = oldTasks.find((t) => t.Name === task.Name);
    if (!old) return `task ${task.Name} added or renamed`;
    const reason = taskUpdated(oldJob, oldGroup, old, newJob, newGroup, task);
    if (reason) return `task ${task.Name}: ${reason}`;
  }
  return null;
}

function taskUpdated(
  oldJob: Job,
  oldGroup: TaskGroup,
  a: Task,
  newJob: Job,
  newGroup: TaskGroup,
  b: Task,
): string | null {
  const simple: (keyof Task)[] = [
    'Driver',
    'User',
    'Config',
    'Env',
    'Artifacts',
    'Vault',
    'Secrets',
    'Consul',
    'Templates',
    'CSIPluginConfig',
    'VolumeMounts',
    'Identity',
    'Identities',
  ];
  for (const key of simple) if (!deepEqual(a[key], b[key])) return key;
  if (!deepEqual(combinedMeta(oldJob, oldGroup, a), combinedMeta(newJob, newGroup, b))) {
    return 'meta';
  }
  const ra = a.Resources;
  const rb = b.Resources;
  if (!networksEqual(ra?.Networks ?? null, rb?.Networks ?? null)) return 'task network';
  const resourceKeys = ['CPU', 'Cores', 'MemoryMB', 'MemoryMaxMB', 'SecretsMB'] as const;
  for (const key of resourceKeys) if ((ra?.[key] ?? 0) !== (rb?.[key] ?? 0)) return key;
  if (!deepEqual(ra?.Devices, rb?.Devices)) return 'device';
  if (!deepEqual(ra?.NUMA, rb?.NUMA)) return 'numa';
  if ((a.LogConfig?.Disabled ?? false) !== (b.LogConfig?.Disabled ?? false)) return 'logs';
  if (renderTemplates(a.RestartPolicy) !== renderTemplates(b.RestartPolicy)) {
    return 'restart.render_templates';
  }
  return null;
}

function combinedMeta(job: Job, group: TaskGroup, task: Task): Record<string, string> {
  return { ...(job.Meta ?? {}), ...(group.Meta ?? {}), ...(task.Meta ?? {}) };
}

function renderTemplates(policy: { RenderTemplates?: boolean } | null): boolean {
  return policy?.RenderTemplates ?? false;
}

function connectServices(group: TaskGroup): unknown[] {
  return (group.Services ?? [])
    .filter((s) => s.Connect !== null && s.Connect !== undefined)
    .map((s) => ({ name: s.Name, port: s.PortLabel, connect: s.Connect }));
}

/** Dynamic ports compare by label, to and host network; their value is assigned, not asked. */
function networksEqual(a: NetworkResource[] | null, b: NetworkResource[] | null): boolean {
  const shape = (ns: NetworkResource[] | null): unknown =>
    (ns ?? []).map((n) => ({
      mode: n.Mode,
      mbits: n.MBits,
      hostname: n.Hostname,
      dns: n.DNS,
      cni: n.CNI,
      reserved: sortByLabel(n.ReservedPorts).map((p) => [p.Label, p.Value, p.To, p.HostNetwork]),
      dynamic: sortByLabel(n.DynamicPorts).map((p) => [p.Label, p.To, p.HostNetwork]),
    }));
  return deepEqual(shape(a), shape(b));
}

function sortByLabel<T extends { Label: string }>(ports: T[] | null): T[] {
  return [...(ports ?? [])].sort((x, y) => (x.Label < y.Label ? -1 : x.Label > y.Label ? 1 : 0));
}
