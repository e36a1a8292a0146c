import type { Port, TaskGroup } from '@caravan/nomad-api';

// What one allocation of a group asks of a node. Cores, devices, NUMA and host networks other
// than `default` are not modelled yet: cores are not counted, and every port lives on the node's
// single address.

export const DEFAULT_TASK_CPU = 100;
export const DEFAULT_TASK_MEMORY = 300;
export const DEFAULT_EPHEMERAL_DISK = 300;

export interface PortAsk {
  label: string;
  /** 0 for a dynamic port */
  value: number;
  to: number;
  hostNetwork: string;
  ignoreCollision: boolean;
}

export interface GroupAsk {
  cpuMhz: number;
  memoryMb: number;
  diskMb: number;
  tasks: Record<string, { cpuMhz: number; memoryMb: number }>;
  staticPorts: PortAsk[];
  dynamicPorts: PortAsk[];
}

export function groupAsk(group: TaskGroup): GroupAsk {
  const tasks: GroupAsk['tasks'] = {};
  let cpuMhz = 0;
  let memoryMb = 0;
  const networks = [...(group.Networks ?? [])];
  for (const task of group.Tasks ?? []) {
    const r = task.Resources;
    const cpu = r ? r.CPU : DEFAULT_TASK_CPU;
    const mem = r ? r.MemoryMB + (r.SecretsMB ?? 0) : DEFAULT_TASK_MEMORY;
    tasks[task.Name] = { cpuMhz: cpu, memoryMb: mem };
    cpuMhz += cpu;
    memoryMb += mem;
    networks.push(...(r?.Networks ?? []));
  }
  const toAsk = (p: Port, dynamic: boolean): PortAsk => ({
    label: p.Label,
    value: dynamic ? 0 : p.Value,
    to: p.To,
    hostNetwork: p.HostNetwork || 'default',
    ignoreCollision: p.IgnoreCollision ?? false,
  });
  return {
    cpuMhz,
    memoryMb,
    diskMb: group.EphemeralDisk ? group.EphemeralDisk.SizeMB : DEFAULT_EPHEMERAL_DISK,
    tasks,
    staticPorts: networks.flatMap((n) => (n.ReservedPorts ?? []).map((p) => toAsk(p, false))),
    dynamicPorts: networks.flatMap((n) => (n.DynamicPorts ?? []).map((p) => toAsk(p, true))),
  };
}
