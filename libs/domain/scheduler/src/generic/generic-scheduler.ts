import type { Job } from '@caravan/nomad-api';
import type { EvaluationInput } from '../model/evaluation';
import type { AllocMetric } from '../model/metrics';
import type { Plan } from '../model/plan';
import type { SchedulerSnapshot } from '../model/snapshot';
import { emptyPlan, settle } from '../plan-outcome';
import { reconcileJob } from '../reconcile/reconcile-job';
import { schedulerEnv, type ScheduleOptions } from '../scheduler-env';
import { updateDecision } from './in-place';
import { placeAll } from './place';

// Nomad's GenericScheduler.process for service and batch jobs: reconcile, then place
// (destructive updates before new placements), then settle the eval's outcome.

/** Stands in for a purged job, so a purge stops everything through the same path. */
function stoppedJob(evaluation: EvaluationInput): Job {
  return {
    ID: evaluation.jobId,
    Namespace: evaluation.namespace,
    Name: evaluation.jobId,
    Type: evaluation.type,
    Stop: true,
    TaskGroups: [],
    Datacenters: ['*'],
    NodePool: 'all',
    Constraints: null,
    Affinities: null,
    Spreads: null,
    JobModifyIndex: 0,
    Version: 0,
  } as unknown as Job; // only the fields the scheduler reads for a stopped job
}

export function scheduleGeneric(
  snapshot: SchedulerSnapshot,
  evaluation: EvaluationInput,
  options: ScheduleOptions,
  batch: boolean,
): Plan {
  const current = snapshot.job(evaluation.namespace, evaluation.jobId);
  const job = current ?? stoppedJob(evaluation);
  const env = schedulerEnv(snapshot, evaluation, job, options, batch, true);
  const plan = emptyPlan(evaluation, snapshot.index, options);
  const result = reconcileJob({
    namespace: evaluation.namespace,
    jobId: evaluation.jobId,
    job: current,
    allocs: snapshot.allocationsByJob(evaluation.namespace, evaluation.jobId),
    node: (id) => snapshot.node(id),
    batch,
    evalId: evaluation.id,
    evalPriority: evaluation.priority,
    evalType: evaluation.type,
    evalHasWaitUntil: !!evaluation.waitUntil,
    forceReschedule: evaluation.forceReschedule ?? false,
    now: options.now,
    newId: env.newId,
    hooks: {
      stopped: (alloc) => env.ctx.stop(alloc),
      update: (alloc, j, group) => updateDecision(env, alloc, j, group),
    },
  });
  plan.stops.push(...result.stops);
  plan.inPlaceUpdates.push(
    ...result.inPlace.map(({ alloc, resources }) => ({
      allocId: alloc.id,
      nodeId: alloc.nodeId,
      jobVersion: job.Version,
      jobModifyIndex: job.JobModifyIndex,
      resources,
    })),
  );
  plan.attributeUpdates.push(...result.attributeUpdates);
  plan.followUpEvals.push(...result.followUps);
  plan.annotations.DesiredTGUpdates = result.desired;

  const queued: Record<string, number> = {};
  for (const group of job.TaskGroups ?? []) queued[group.Name] = 0;
  for (const req of result.placements) queued[req.taskGroup] = (queued[req.taskGroup] ?? 0) + 1;
  const failed: Record<string, AllocMetric> = {};
  placeAll(env, result.placements, plan, failed, queued);
  return settle(env, plan, failed, queued);
}
