import type { Job, TaskGroup } from '@caravan/nomad-api';
import { inJobDatacenters, inJobPool } from '../feasible/candidates';
import { terminal, type SchedulerAllocation } from '../model/allocation';
import type { DesiredUpdates } from '../model/metrics';
import { nodeReady, type SchedulerNode } from '../model/node';
import { STOP_REASONS, type PlannedStop } from '../model/plan';
import { allocName } from '../reconcile/names';

// Nomad's NodeReconciler for one group of a system or sysbatch job: every eligible node should
// run `<job name>.<group>[i]` for i < count. Existing allocations are kept, stopped or updated
// per node; missing names on eligible nodes become placements on exactly that node.

export interface SystemGroupDiff {
  stops: (PlannedStop & { alloc: SchedulerAllocation })[];
  /** allocations of an older job version on a good node: in place or destructive */
  updates: SchedulerAllocation[];
  place: { node: SchedulerNode; name: string }[];
}

export function diffSystemGroup(
  job: Job,
  group: TaskGroup,
  allocs: readonly SchedulerAllocation[],
  eligible: readonly SchedulerNode[],
  node: (id: string) => SchedulerNode | undefined,
  sysbatch: boolean,
  desired: DesiredUpdates,
): SystemGroupDiff {
  const diff: SystemGroupDiff = { stops: [], updates: [], place: [] };
  const required = new Set<string>();
  for (let i = 0; i < group.Count; i++) required.add(allocName(job.Name, group.Name, i));
  const satisfied = new Set<string>();
  const stopAs = (alloc: SchedulerAllocation, reason: string, lost = false): void => {
    diff.stops.push({
      alloc,
      allocId: alloc.id,
      nodeId: alloc.nodeId,
      desiredDescription: reason,
      clientStatus: lost ? 'lost' : null,
      replacedBy: null,
    });
  };
  for (const a of allocs) {
    const key = `${a.nodeId}\u0000${a.name}`;
    if (terminal(a)) {
      // A sysbatch allocation that already ran is not run again for the same job version.
      if (sysbatch && a.job.JobModifyIndex === job.JobModifyIndex && required.has(a.name)) {
        satisfied.add(key);
        desired.Ignore++;
      }
      continue;
    }
    const n = node(a.nodeId);
    const changed = a.job.JobModifyIndex !== job.JobModifyIndex;
    if (!required.has(a.name)) {
      stopAs(a, STOP_REASONS.notNeeded);
      desired.Stop++;
    } else if (!n || n.status === 'down' || n.status === 'disconnected') {
      stopAs(a, STOP_REASONS.lost, true);
      desired.Stop++;
    } else if (a.desiredTransition.migrate) {
      stopAs(a, STOP_REASONS.migrating);
      desired.Migrate++;
    } else if (!nodeReady(n)) {
      if (changed) {
        stopAs(a, STOP_REASONS.notNeeded);
        desired.Stop++;
      } else {
        satisfied.add(key);
        desired.Ignore++;
      }
    } else if (!inJobPool(job, n) || !inJobDatacenters(job, n)) {
      stopAs(a, STOP_REASONS.notNeeded);
      desired.Stop++;
    } else {
      satisfied.add(key);
      if (changed) diff.updates.push(a);
      else desired.Ignore++;
    }
  }
  for (const n of eligible) {
    for (const name of required) {
      if (satisfied.has(`${n.id}\u0000${name}`)) continue;
      diff.place.push({ node: n, name });
      desired.Place++;
    }
  }
  return diff;
}
