import type { EvaluationInput } from './model/evaluation';
import type { AllocMetric } from './model/metrics';
import { EVAL_DESCRIPTIONS, type CreatedEvaluation, type Plan } from './model/plan';
import type { ScheduleOptions, SchedulerEnv } from './scheduler-env';

// The empty plan every evaluation starts from, and how its outcome is settled at the end
// (Nomad's blocked-eval creation and final eval update).

export function emptyPlan(
  evaluation: EvaluationInput,
  stateIndex: number,
  options: ScheduleOptions,
): Plan {
  return {
    evalId: evaluation.id,
    namespace: evaluation.namespace,
    jobId: evaluation.jobId,
    inputs: { stateIndex, seed: options.seed, now: options.now },
    placements: [],
    stops: [],
    inPlaceUpdates: [],
    destructiveUpdates: [],
    attributeUpdates: [],
    annotations: { DesiredTGUpdates: {} },
    blockedEval: null,
    followUpEvals: [],
    evaluation: {
      status: 'complete',
      statusDescription: '',
      nextEval: '',
      blockedEval: '',
      queuedAllocations: {},
      failedTGAllocs: {},
      classEligibility: {},
      escapedComputedClass: false,
      snapshotIndex: stateIndex,
    },
  };
}

/**
 * Failed groups need a blocked eval, unless this eval is itself blocked (it is re-blocked and
 * keeps its id) or is a delayed eval whose time has not come.
 */
export function settle(
  env: SchedulerEnv,
  plan: Plan,
  failed: Record<string, AllocMetric>,
  queued: Record<string, number>,
): Plan {
  const ev = env.evaluation;
  const outcome = plan.evaluation;
  outcome.failedTGAllocs = failed;
  outcome.queuedAllocations = queued;
  outcome.classEligibility = env.eligibility.classes;
  outcome.escapedComputedClass = env.eligibility.escaped;
  const last = plan.followUpEvals[plan.followUpEvals.length - 1];
  if (last) outcome.nextEval = last.id;
  if (Object.keys(failed).length === 0) return plan;
  if (ev.status === 'blocked') {
    outcome.status = 'blocked';
    return plan;
  }
  if (ev.waitUntil && ev.waitUntil > env.now) return plan;
  plan.blockedEval = blockedEval(env, failed);
  outcome.blockedEval = plan.blockedEval.id;
  return plan;
}

function blockedEval(env: SchedulerEnv, failed: Record<string, AllocMetric>): CreatedEvaluation {
  const ev = env.evaluation;
  return {
    id: env.newId(),
    namespace: ev.namespace,
    jobId: ev.jobId,
    type: ev.type,
    priority: ev.priority,
    triggeredBy: 'queued-allocs',
    status: 'blocked',
    statusDescription: EVAL_DESCRIPTIONS.blocked,
    jobModifyIndex: ev.jobModifyIndex,
    previousEval: ev.id,
    waitUntil: null,
    nodeId: '',
    failedTGAllocs: failed,
    classEligibility: { ...env.eligibility.classes },
    escapedComputedClass: env.eligibility.escaped,
  };
}
