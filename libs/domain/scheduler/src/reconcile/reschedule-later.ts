import type { DesiredUpdates } from '../model/metrics';
import { EVAL_DESCRIPTIONS, type CreatedEvaluation } from '../model/plan';
import type { SchedulerAllocation } from '../model/allocation';
import type { ReconcileInput, ReconcileResult } from './reconcile.types';

// Failed allocations whose reschedule delay has not passed get a delayed follow-up eval.
// Allocations are batched into 5-second windows so a burst of failures makes few evals.

export const FOLLOW_UP_WINDOW_MS = 5000;

export function rescheduleLater(
  input: ReconcileInput,
  later: readonly { alloc: SchedulerAllocation; time: number }[],
  out: ReconcileResult,
  desired: DesiredUpdates,
): void {
  if (later.length === 0 || input.evalHasWaitUntil) return;
  const sorted = [...later].sort((a, b) => a.time - b.time);
  let current: CreatedEvaluation | null = null;
  let windowStart = 0;
  for (const { alloc, time } of sorted) {
    if (!current || time - windowStart >= FOLLOW_UP_WINDOW_MS) {
      windowStart = time;
      current = followUp(input, time, out.followUps.length === 0);
      out.followUps.push(current);
    }
    out.attributeUpdates.push({ allocId: alloc.id, followupEvalId: current.id });
    desired.RescheduleLater++;
  }
}

function followUp(input: ReconcileInput, waitUntil: number, first: boolean): CreatedEvaluation {
  return {
    id: input.newId(),
    namespace: input.namespace,
    jobId: input.jobId,
    type: input.evalType,
    priority: input.evalPriority,
    // Faithful to Nomad: only the first batch says alloc-reschedule.
    triggeredBy: first ? 'alloc-reschedule' : 'alloc-failure',
    status: 'pending',
    statusDescription: EVAL_DESCRIPTIONS.delayedReschedule,
    jobModifyIndex: input.job?.JobModifyIndex ?? 0,
    previousEval: input.evalId,
    waitUntil,
    nodeId: '',
    failedTGAllocs: null,
    classEligibility: null,
    escapedComputedClass: false,
  };
}
