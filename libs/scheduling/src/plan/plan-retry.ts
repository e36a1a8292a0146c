import { EVALUATION_DESCRIPTIONS, type FollowUpEvaluation } from '@caravan/domain/evaluations';
import type { SchedulingSnapshot } from '../state/scheduling-state.types';
import type { PlanCommit, PlanRefusal, PlanResult } from './plan-commit.types';

// Nomad's worker loop around a plan: plan on a snapshot, submit, and on a conflict refresh the
// state and plan again, a bounded number of times; then fail the evaluation and leave a
// blocked one (`max-plan-attempts`) that the periodic unblock retries.

/** Nomad's max schedule attempts per scheduler type (generic service/batch, system/sysbatch). */
export function planAttemptLimit(jobType: string): number {
  return jobType === 'batch' || jobType === 'sysbatch' ? 2 : 5;
}

export interface PlanLoopPorts {
  /** resolves once the state has applied `index` (SchedulingStateFollower.waitForIndex) */
  waitForIndex(index: number, timeoutMs: number): Promise<number>;
  snapshot(): SchedulingSnapshot;
  /** the log's head now, so a refreshed plan sees what refused the last one */
  headIndex(): Promise<number>;
  apply(plan: PlanCommit): Promise<PlanResult>;
}

export type PlanLoopResult =
  | { committed: true; plan: PlanCommit; attempts: number; lastIndex: number }
  | { committed: false; plan: PlanCommit; attempts: number; refusals: PlanRefusal[] };

export async function planWithRetries(
  ports: PlanLoopPorts,
  minIndex: number,
  attempts: number,
  schedule: (snapshot: SchedulingSnapshot, attempt: number) => PlanCommit,
  waitTimeoutMs = 5_000,
): Promise<PlanLoopResult> {
  const refusals: PlanRefusal[] = [];
  let index = minIndex;
  for (let attempt = 1; ; attempt++) {
    await ports.waitForIndex(index, waitTimeoutMs);
    // plan synchronously on one snapshot: it is only valid until the state moves
    const plan = schedule(ports.snapshot(), attempt);
    const result = await ports.apply(plan);
    if (result.committed)
      return { committed: true, plan, attempts: attempt, lastIndex: result.lastIndex };
    refusals.push(result.refusal);
    if (attempt >= attempts) return { committed: false, plan, attempts: attempt, refusals };
    index = Math.max(index, await ports.headIndex());
  }
}

/**
 * The plan that ends an evaluation whose attempts ran out: nothing placed, the evaluation
 * `failed` with `maximum attempts reached (n)`, and a blocked evaluation created due to
 * placement conflicts (Nomad's `max-plan-attempts`).
 */
export function failedAfterConflicts(
  last: PlanCommit,
  attempts: number,
  blocked: Pick<FollowUpEvaluation, 'ID' | 'Priority' | 'Type' | 'JobModifyIndex'>,
): PlanCommit {
  const { ID, Namespace, JobID } = last.evaluation;
  return {
    ...last,
    placements: [],
    stops: [],
    inPlaceUpdates: [],
    releases: [],
    deferredReschedules: [],
    cancelEvaluations: [],
    createEvaluations: [
      {
        ...blocked,
        Namespace,
        JobID,
        TriggeredBy: 'max-plan-attempts',
        Status: 'blocked',
        StatusDescription: EVALUATION_DESCRIPTIONS.blockedForConflicts,
        PreviousEval: ID,
        WaitUntil: null,
        Wait: 0,
        FailedTGAllocs: last.outcome.fields.FailedTGAllocs,
        ClassEligibility: last.outcome.fields.ClassEligibility,
        EscapedComputedClass: last.outcome.fields.EscapedComputedClass,
        SnapshotIndex: last.snapshotIndex,
        CreateTime: last.now,
        ModifyTime: last.now,
      },
    ],
    outcome: {
      status: 'failed',
      fields: {
        ...last.outcome.fields,
        StatusDescription: EVALUATION_DESCRIPTIONS.maxAttempts(attempts),
        BlockedEval: blocked.ID,
      },
    },
  };
}
