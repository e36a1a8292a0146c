import type { AllocatedResources, SchedulerAllocation } from '../model/allocation';
import { terminal } from '../model/allocation';
import type { SchedulerNode } from '../model/node';
import type { SchedulerSnapshot } from '../model/snapshot';

// What the plan so far does to each node (Nomad's ProposedAllocs): allocations in state that are
// not terminal and not stopped by this plan, plus this plan's placements. Node usage is built
// lazily, because an eval usually touches a few dozen of thousands of nodes.

export interface NodeUsage {
  cpuMhz: number;
  memoryMb: number;
  diskMb: number;
  ports: Set<number>;
  /** two existing allocations already share a port (Nomad: `network: port collision`) */
  collision: boolean;
}

export interface ProposedAlloc {
  id: string;
  nodeId: string;
  taskGroup: string;
  resources: AllocatedResources;
}

export class PlacementContext {
  private readonly usage = new Map<string, NodeUsage>();
  private readonly stopped = new Set<string>();
  /** this job's proposed allocations, by id */
  readonly jobAllocs = new Map<string, ProposedAlloc>();
  private readonly groupsOnNode = new Map<string, Map<string, number>>();
  /** bumped on every change to this job's allocations, so derived counts know they are stale */
  version = 0;

  constructor(
    private readonly snapshot: SchedulerSnapshot,
    namespace: string,
    jobId: string,
  ) {
    for (const a of snapshot.allocationsByJob(namespace, jobId)) {
      if (!terminal(a)) this.trackJobAlloc(a, 1);
    }
  }

  usageOf(node: SchedulerNode): NodeUsage {
    let u = this.usage.get(node.id);
    if (u) return u;
    u = {
      cpuMhz: 0,
      memoryMb: 0,
      diskMb: 0,
      ports: new Set(node.reserved.ports),
      collision: false,
    };
    for (const a of this.snapshot.allocationsByNode(node.id)) {
      if (terminal(a) || this.stopped.has(a.id)) continue;
      add(u, a.resources, 1);
    }
    this.usage.set(node.id, u);
    return u;
  }

  /** Allocations of this job on the node, of one group or of any. */
  countOnNode(nodeId: string, group?: string): number {
    const groups = this.groupsOnNode.get(nodeId);
    if (!groups) return 0;
    if (group !== undefined) return groups.get(group) ?? 0;
    let n = 0;
    for (const c of groups.values()) n += c;
    return n;
  }

  stop(alloc: SchedulerAllocation | ProposedAlloc): void {
    if (this.stopped.has(alloc.id)) return;
    this.stopped.add(alloc.id);
    const u = this.usage.get(alloc.nodeId);
    // A terminal allocation never counted, so stopping it frees nothing.
    if (u && counted(alloc)) add(u, alloc.resources, -1);
    if (this.jobAllocs.has(alloc.id)) this.trackJobAlloc(alloc, -1);
  }

  /** Backs out a stop staged before a placement that then found no node. */
  unstop(alloc: SchedulerAllocation): void {
    if (!this.stopped.delete(alloc.id)) return;
    const u = this.usage.get(alloc.nodeId);
    if (u && counted(alloc)) add(u, alloc.resources, 1);
    if (!terminal(alloc)) this.trackJobAlloc(alloc, 1);
  }

  isStopped(allocId: string): boolean {
    return this.stopped.has(allocId);
  }

  place(node: SchedulerNode, alloc: ProposedAlloc): void {
    add(this.usageOf(node), alloc.resources, 1);
    this.trackJobAlloc(alloc, 1);
  }

  /** An in-place update: same id and node, new resources (ports are kept by the caller). */
  replace(node: SchedulerNode, old: SchedulerAllocation, resources: AllocatedResources): void {
    const u = this.usageOf(node);
    add(u, old.resources, -1);
    add(u, resources, 1);
    const tracked = this.jobAllocs.get(old.id);
    if (tracked) this.jobAllocs.set(old.id, { ...tracked, resources });
  }

  private trackJobAlloc(a: ProposedAlloc, sign: 1 | -1): void {
    this.version++;
    if (sign > 0) this.jobAllocs.set(a.id, a);
    else this.jobAllocs.delete(a.id);
    let groups = this.groupsOnNode.get(a.nodeId);
    if (!groups) this.groupsOnNode.set(a.nodeId, (groups = new Map<string, number>()));
    groups.set(a.taskGroup, (groups.get(a.taskGroup) ?? 0) + sign);
  }
}

function add(u: NodeUsage, r: AllocatedResources, sign: 1 | -1): void {
  u.cpuMhz += sign * r.cpuMhz;
  u.memoryMb += sign * r.memoryMb;
  u.diskMb += sign * r.diskMb;
  for (const p of r.ports) {
    if (sign > 0) {
      if (u.ports.has(p.value)) u.collision = true;
      u.ports.add(p.value);
    } else {
      u.ports.delete(p.value);
    }
  }
}

function counted(a: SchedulerAllocation | ProposedAlloc): boolean {
  return !('clientStatus' in a) || !terminal(a);
}
