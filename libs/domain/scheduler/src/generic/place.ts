import type { TaskGroup } from '@caravan/nomad-api';
import type { AllocatedResources, SchedulerAllocation } from '../model/allocation';
import type { AllocMetric } from '../model/metrics';
import type { Placement, Plan } from '../model/plan';
import type { PlacementRequest } from '../reconcile/reconcile.types';
import { reschedulePolicy } from '../reconcile/reschedule-policy';
import { nextTracker, penaltyNodes } from '../reconcile/reschedule';
import { selectNode, type RankedOption } from '../rank/select';
import type { SchedulerEnv } from '../scheduler-env';

// Finding nodes for the reconciler's placement requests (Nomad's computePlacements). After a
// group's first failure its remaining requests only add to CoalescedFailures: the outcome could
// not differ within this eval, and trying again would cost a full scan each time.

export function placeAll(
  env: SchedulerEnv,
  requests: readonly PlacementRequest[],
  plan: Plan,
  failed: Record<string, AllocMetric>,
  queued: Record<string, number>,
): void {
  const groups = new Map((env.job.TaskGroups ?? []).map((g) => [g.Name, g]));
  for (const req of requests) {
    const group = groups.get(req.taskGroup);
    if (!group) continue;
    const prior = failed[group.Name];
    if (prior) {
      prior.CoalescedFailures++;
      noPlacement(plan, req);
      continue;
    }
    // Stop first (atomically with the placement) so the replacement may reuse what it frees.
    if (req.previous && req.stopPreviousAs) env.ctx.stop(req.previous);
    const metric = env.baseMetric();
    const penalty = req.reason === 'reschedule' ? penaltyNodes(req.previous) : new Set<string>();
    const option = selectNode(env, env.ranker(group), penalty, metric);
    if (!option) {
      failed[group.Name] = metric;
      if (req.previous && req.stopPreviousAs) env.ctx.unstop(req.previous);
      noPlacement(plan, req);
      continue;
    }
    const placement = toPlacement(env, group, req, option, metric);
    env.ctx.place(option.node, {
      id: placement.id,
      nodeId: placement.nodeId,
      taskGroup: group.Name,
      resources: placement.resources,
    });
    plan.placements.push(placement);
    queued[group.Name] = Math.max(0, (queued[group.Name] ?? 0) - 1);
    if (req.previous && req.stopPreviousAs) {
      plan.stops.push({
        allocId: req.previous.id,
        nodeId: req.previous.nodeId,
        desiredDescription: req.stopPreviousAs,
        clientStatus: null,
        replacedBy: placement.id,
      });
      if (req.reason === 'destructive') {
        plan.destructiveUpdates.push({ stopAllocId: req.previous.id, placementId: placement.id });
      }
    }
  }
}

/** A failed reschedule is remembered on the old allocation, so a blocked eval retries it. */
function noPlacement(plan: Plan, req: PlacementRequest): void {
  if (req.reason === 'reschedule' && req.previous) {
    plan.attributeUpdates.push({ allocId: req.previous.id, lastReschedule: 'no placement' });
  }
}

function toPlacement(
  env: SchedulerEnv,
  group: TaskGroup,
  req: PlacementRequest,
  option: RankedOption,
  metrics: AllocMetric,
): Placement {
  const ask = env.ranker(group).ask;
  const resources: AllocatedResources = {
    cpuMhz: ask.cpuMhz,
    memoryMb: ask.memoryMb,
    diskMb: ask.diskMb,
    tasks: ask.tasks,
    ports: option.ports,
  };
  const prev: SchedulerAllocation | null = req.previous;
  return {
    id: env.newId(),
    evalId: env.evaluation.id,
    namespace: env.evaluation.namespace,
    jobId: env.job.ID,
    jobVersion: env.job.Version,
    jobModifyIndex: env.job.JobModifyIndex,
    taskGroup: group.Name,
    name: req.name,
    nodeId: option.node.id,
    nodeName: option.node.name,
    resources,
    reason: req.reason,
    previousAllocation: prev?.id ?? '',
    rescheduleTracker:
      req.reason === 'reschedule' && prev
        ? nextTracker(reschedulePolicy(env.job, group), prev, env.now)
        : null,
    metrics,
    deploymentId: '',
    canary: false,
  };
}
