import type { TaskGroup } from '@caravan/nomad-api';
import { emptyDesiredUpdates, type AllocMetric } from '../model/metrics';
import type { EvaluationInput } from '../model/evaluation';
import { STOP_REASONS, type Plan } from '../model/plan';
import type { SchedulerSnapshot } from '../model/snapshot';
import type { SchedulerAllocation } from '../model/allocation';
import { emptyPlan, settle } from '../plan-outcome';
import { rankNode } from '../rank/select';
import { schedulerEnv, type ScheduleOptions, type SchedulerEnv } from '../scheduler-env';
import { updateDecision } from '../generic/in-place';
import { diffSystemGroup } from './system-reconcile';
import type { SchedulerNode } from '../model/node';

// System and sysbatch jobs: one allocation per feasible node, nodes in static order. A node
// that fails only a constraint is skipped quietly; a node out of resources is a placement
// failure (FailedTGAllocs, blocked eval), as in Nomad's SystemScheduler.

const NO_PENALTY: ReadonlySet<string> = new Set();

export function scheduleSystem(
  snapshot: SchedulerSnapshot,
  evaluation: EvaluationInput,
  options: ScheduleOptions,
  sysbatch: boolean,
): Plan {
  const plan = emptyPlan(evaluation, snapshot.index, options);
  const current = snapshot.job(evaluation.namespace, evaluation.jobId);
  const allocs = snapshot.allocationsByJob(evaluation.namespace, evaluation.jobId);
  const groups = current && !current.Stop ? (current.TaskGroups ?? []) : [];
  const names = new Set(groups.map((g) => g.Name));
  for (const a of allocs) {
    if (names.has(a.taskGroup) || a.desiredStatus !== 'run') continue;
    const n = snapshot.node(a.nodeId);
    const lost =
      (!n || n.status === 'down') && (a.clientStatus === 'pending' || a.clientStatus === 'running');
    plan.stops.push({
      allocId: a.id,
      nodeId: a.nodeId,
      desiredDescription: STOP_REASONS.notNeeded,
      clientStatus: lost ? 'lost' : null,
      replacedBy: null,
    });
    const desired = (plan.annotations.DesiredTGUpdates[a.taskGroup] ??= emptyDesiredUpdates());
    desired.Stop++;
  }
  if (!current || current.Stop) return plan;

  const env = schedulerEnv(snapshot, evaluation, current, options, sysbatch, false);
  for (const a of plan.stops) {
    const alloc = allocs.find((x) => x.id === a.allocId);
    if (alloc) env.ctx.stop(alloc);
  }
  const failed: Record<string, AllocMetric> = {};
  const queued: Record<string, number> = {};
  for (const group of groups) {
    const desired = (plan.annotations.DesiredTGUpdates[group.Name] = emptyDesiredUpdates());
    const diff = diffSystemGroup(
      current,
      group,
      allocs.filter((a) => a.taskGroup === group.Name),
      env.candidates.ready,
      (id) => snapshot.node(id),
      sysbatch,
      desired,
    );
    for (const { alloc, ...stop } of diff.stops) {
      env.ctx.stop(alloc);
      plan.stops.push(stop);
    }
    const destructive: SchedulerAllocation[] = [];
    for (const a of diff.updates) {
      const decision = updateDecision(env, a, current, group);
      if (decision.kind === 'ignore') desired.Ignore++;
      else if (decision.kind === 'destructive') destructive.push(a);
      else {
        desired.InPlaceUpdate++;
        plan.inPlaceUpdates.push({
          allocId: a.id,
          nodeId: a.nodeId,
          jobVersion: current.Version,
          jobModifyIndex: current.JobModifyIndex,
          resources: decision.resources,
        });
      }
    }
    const limit =
      group.Update && group.Update.MaxParallel > 0 ? group.Update.MaxParallel : destructive.length;
    desired.DestructiveUpdate += Math.min(limit, destructive.length);
    desired.Ignore += Math.max(0, destructive.length - limit);
    const work = [
      ...destructive.slice(0, limit).flatMap((a) => {
        const n = snapshot.node(a.nodeId);
        return n ? [{ node: n, name: a.name, previous: a }] : [];
      }),
      ...diff.place.map((p) => ({ ...p, previous: null })),
    ];
    queued[group.Name] = work.length;
    placeOnNodes(env, group, work, plan, failed, queued, desired);
  }
  return settle(env, plan, failed, queued);
}

interface NodeWork {
  node: SchedulerNode;
  name: string;
  previous: SchedulerAllocation | null;
}

function placeOnNodes(
  env: SchedulerEnv,
  group: TaskGroup,
  work: readonly NodeWork[],
  plan: Plan,
  failed: Record<string, AllocMetric>,
  queued: Record<string, number>,
  desired: ReturnType<typeof emptyDesiredUpdates>,
): void {
  const ranker = env.ranker(group);
  for (const w of work) {
    if (w.previous) env.ctx.stop(w.previous);
    const metric = env.baseMetric();
    metric.NodesEvaluated = 1;
    const option = rankNode(env, ranker, w.node, NO_PENALTY, metric);
    if (!option) {
      if (w.previous) env.ctx.unstop(w.previous);
      // A node that only fails constraints is not for this job: not a placement failure.
      if (metric.NodesExhausted === 0) {
        queued[group.Name] = (queued[group.Name] ?? 1) - 1;
        if (!w.previous) desired.Place--;
        continue;
      }
      const prior = failed[group.Name];
      if (prior) prior.CoalescedFailures++;
      else failed[group.Name] = metric;
      continue;
    }
    const id = env.newId();
    const resources = { ...ranker.ask, ports: option.ports };
    env.ctx.place(w.node, { id, nodeId: w.node.id, taskGroup: group.Name, resources });
    plan.placements.push({
      id,
      evalId: env.evaluation.id,
      namespace: env.evaluation.namespace,
      jobId: env.job.ID,
      jobVersion: env.job.Version,
      jobModifyIndex: env.job.JobModifyIndex,
      taskGroup: group.Name,
      name: w.name,
      nodeId: w.node.id,
      nodeName: w.node.name,
      resources: {
        cpuMhz: resources.cpuMhz,
        memoryMb: resources.memoryMb,
        diskMb: resources.diskMb,
        tasks: resources.tasks,
        ports: resources.ports,
      },
      reason: w.previous ? 'destructive' : 'new',
      previousAllocation: w.previous?.id ?? '',
      rescheduleTracker: null,
      metrics: metric,
      deploymentId: '',
      canary: false,
    });
    queued[group.Name] = (queued[group.Name] ?? 1) - 1;
    if (w.previous) {
      plan.stops.push({
        allocId: w.previous.id,
        nodeId: w.previous.nodeId,
        desiredDescription: STOP_REASONS.updating,
        clientStatus: null,
        replacedBy: id,
      });
      plan.destructiveUpdates.push({ stopAllocId: w.previous.id, placementId: id });
    }
  }
}
