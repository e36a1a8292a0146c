import type {
  SchedulerAllocation,
  SchedulerNode,
  SchedulerSnapshot,
} from '@caravan/domain/scheduler';
import type { Job } from '@caravan/nomad-api';
import type { AllocationView, NodeView, SchedulingSnapshot } from '@caravan/scheduling';
import { toSchedulerAllocation } from './allocation.adapter';
import { toSchedulerNode } from './node.adapter';

// The worker's state (SchedulingSnapshot) seen as the pure scheduler's SchedulerSnapshot.
// Converting 5,000 nodes (and hashing their computed classes) per evaluation would cost more
// than scheduling, so converted nodes and allocations are cached and reused while their
// modify index is unchanged: the state only ever moves forward, so an index identifies a value.

interface Cached<T> {
  at: number;
  value: T;
}

export class SchedulerSnapshotAdapter {
  private readonly nodes = new Map<string, Cached<SchedulerNode>>();
  private readonly allocations = new Map<string, Cached<SchedulerAllocation>>();

  /** A view valid exactly as long as `snap` is (it throws StaleSnapshotError after). */
  adapt(snap: SchedulingSnapshot): SchedulerSnapshot {
    const jobOf = (a: AllocationView): Job | undefined => {
      const { Namespace, JobID, JobVersion } = a.allocation;
      return snap.jobVersion(Namespace, JobID, JobVersion) ?? snap.job(Namespace, JobID)?.job;
    };
    const alloc = (a: AllocationView): SchedulerAllocation[] => {
      const job = jobOf(a);
      // a job never seen (a test's bare placement): the allocation is invisible to planning
      return job === undefined ? [] : [this.allocation(a, job)];
    };
    let ready: SchedulerNode[] | undefined;
    return {
      index: snap.index,
      // Only ready nodes are offered; tainted ones are still found by id (lost allocations).
      // The order is the state's (first appearance in the log): the same log, the same order.
      nodes: () =>
        (ready ??= [...snap.nodes()]
          .filter((n) => n.status === 'ready' && n.capacityIndex > 0)
          .map((n) => this.node(n))),
      node: (id) => {
        const view = snap.node(id);
        return view === undefined || view.capacityIndex === 0 ? undefined : this.node(view);
      },
      allocationsByJob: (ns, id) => snap.allocationsOfJob(ns, id).flatMap(alloc),
      allocationsByNode: (id) => snap.allocationsOnNode(id).flatMap(alloc),
      job: (ns, id) => snap.job(ns, id)?.job,
    };
  }

  node(view: NodeView): SchedulerNode {
    const hit = this.nodes.get(view.node.ID);
    if (hit !== undefined && hit.at === view.modifyIndex) return hit.value;
    const value = toSchedulerNode(view);
    this.nodes.set(view.node.ID, { at: view.modifyIndex, value });
    return value;
  }

  private allocation(view: AllocationView, job: Job): SchedulerAllocation {
    const hit = this.allocations.get(view.allocation.ID);
    if (hit !== undefined && hit.at === view.modifyIndex && hit.value.job === job) return hit.value;
    const value = toSchedulerAllocation(view, job);
    this.allocations.set(view.allocation.ID, { at: view.modifyIndex, value });
    return value;
  }
}
