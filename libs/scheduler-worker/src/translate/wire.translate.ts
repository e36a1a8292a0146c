import type {
  AllocatedResources as WireResources,
  AllocMetric as WireMetric,
  RescheduleTracker as WireTracker,
} from '@caravan/domain/allocations';
import type { AllocatedResources, AllocMetric, RescheduleTracker } from '@caravan/domain/scheduler';
import type { TaskGroup } from '@caravan/nomad-api';
import { msToNanos } from '../adapt/time';

// The scheduler's shapes → Nomad's wire shapes the allocation events carry.

export function wireResources(
  r: AllocatedResources,
  group: TaskGroup | undefined,
  hostIp: string,
): WireResources {
  const tasks = new Map((group?.Tasks ?? []).map((t) => [t.Name, t]));
  const Tasks: WireResources['Tasks'] = {};
  const TaskLifecycles: WireResources['TaskLifecycles'] = {};
  for (const [name, t] of Object.entries(r.tasks)) {
    const spec = tasks.get(name);
    Tasks[name] = {
      Cpu: { CpuShares: t.cpuMhz, ReservedCores: [] },
      Memory: { MemoryMB: t.memoryMb, MemoryMaxMB: spec?.Resources?.MemoryMaxMB ?? 0 },
      Networks: null,
      Devices: null,
    };
    const hook = spec?.Lifecycle;
    TaskLifecycles[name] = hook ? { Hook: hook.Hook, Sidecar: hook.Sidecar } : null;
  }
  const Ports =
    r.ports.length === 0
      ? null
      : r.ports.map((p) => ({ Label: p.label, Value: p.value, To: p.to, HostIP: hostIp }));
  return { Tasks, TaskLifecycles, Shared: { DiskMB: r.diskMb, Networks: null, Ports } };
}

export function wireMetric(m: AllocMetric): WireMetric {
  return { ...m, NodesAvailable: m.NodesAvailable ?? {} };
}

export function wireMetrics(
  failed: Record<string, AllocMetric>,
): Record<string, WireMetric> | null {
  const entries = Object.entries(failed);
  return entries.length === 0
    ? null
    : Object.fromEntries(entries.map(([g, m]) => [g, wireMetric(m)]));
}

export function wireTracker(t: RescheduleTracker | null): WireTracker | null {
  if (t === null) return null;
  return {
    Events: t.events.map((e) => ({
      RescheduleTime: msToNanos(e.rescheduleTime),
      PrevAllocID: e.prevAllocId,
      PrevNodeID: e.prevNodeId,
      Delay: msToNanos(e.delayMs),
    })),
    LastReschedule: t.lastReschedule,
  };
}

/** Nomad leaves these maps nil until used. */
export function orNull<V>(map: Record<string, V>): Record<string, V> | null {
  return Object.keys(map).length === 0 ? null : map;
}
