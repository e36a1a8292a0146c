import { schedule } from '@caravan/domain/scheduler';
import type { EvaluationView, PlanCommit, SchedulingSnapshot } from '@caravan/scheduling';
import { toEvaluationInput } from '../adapt/evaluation.adapter';
import type { SchedulerSnapshotAdapter } from '../adapt/scheduler-snapshot.adapter';
import { toPlanCommit } from '../translate/plan-commit.translate';
import { planSeed } from './seed';

// One planning step, pure given its inputs: state snapshot → scheduler → PlanCommit. The worker
// and the replay tool both call it, so a replay computes exactly what the worker committed.

export interface PlanInputs {
  nowMs: number;
  deliveryAttempt: number;
  /** a replay passes the recorded seed; the worker derives it */
  seed?: number;
}

export function planEvaluation(
  adapter: SchedulerSnapshotAdapter,
  snap: SchedulingSnapshot,
  ev: EvaluationView,
  inputs: PlanInputs,
): PlanCommit {
  const seed = inputs.seed ?? planSeed(ev.id, snap.index);
  const plan = schedule(adapter.adapt(snap), toEvaluationInput(ev), { now: inputs.nowMs, seed });
  return toPlanCommit(plan, {
    snap,
    evaluation: ev,
    seed,
    nowMs: inputs.nowMs,
    deliveryAttempt: inputs.deliveryAttempt,
  });
}
