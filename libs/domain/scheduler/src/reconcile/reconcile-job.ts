import { serverTerminal, clientTerminal, type SchedulerAllocation } from '../model/allocation';
import { emptyDesiredUpdates } from '../model/metrics';
import { STOP_REASONS } from '../model/plan';
import { reconcileGroup, stop } from './reconcile-group';
import type { ReconcileInput, ReconcileResult } from './reconcile.types';

// Nomad's AllocReconciler.Compute for service and batch jobs: a stopped or purged job stops
// everything; groups that left the job or scaled to zero stop theirs; the rest reconcile.

export function reconcileJob(input: ReconcileInput): ReconcileResult {
  const out: ReconcileResult = {
    stops: [],
    inPlace: [],
    placements: [],
    attributeUpdates: [],
    followUps: [],
    desired: {},
  };
  const byGroup = new Map<string, SchedulerAllocation[]>();
  for (const a of input.allocs) {
    const list = byGroup.get(a.taskGroup);
    if (list) list.push(a);
    else byGroup.set(a.taskGroup, [a]);
  }
  const job = input.job;
  const groups = job && !job.Stop ? (job.TaskGroups ?? []) : [];
  for (const group of groups) {
    out.desired[group.Name] = emptyDesiredUpdates();
    if (group.Count === 0 || !job) continue;
    reconcileGroup(input, job, group, byGroup.get(group.Name) ?? [], out);
    byGroup.delete(group.Name);
  }
  // Whatever is left belongs to a stopped job, a removed group or a group scaled to zero.
  for (const [name, allocs] of [...byGroup].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const desired = (out.desired[name] ??= emptyDesiredUpdates());
    for (const a of allocs) {
      if (serverTerminal(a)) continue;
      const node = input.node(a.nodeId);
      const lost = !clientTerminal(a) && (!node || node.status === 'down');
      stop(input, out, a, STOP_REASONS.notNeeded, lost ? 'lost' : null);
      desired.Stop++;
    }
  }
  return out;
}
