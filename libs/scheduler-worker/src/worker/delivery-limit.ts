import { randomInt } from 'node:crypto';
import { EVALUATION_DESCRIPTIONS } from '@caravan/domain/evaluations';
import type { EvaluationView, PlanCommit, SchedulingSnapshot } from '@caravan/scheduling';
import { msToNanos } from '../adapt/time';

// Nomad's failed-evaluation reaper: an evaluation whose deliveries all failed is marked
// `failed` ("evaluation reached delivery limit (3)") and, unless its job is gone, gets a
// `failed-follow-up` evaluation delayed by Nomad's wait (1 min + up to 5 min), so a transient
// fault (PostgreSQL down, a bug fixed by a deploy) is retried without blocking the partition.
// Deliberately not the scheduler: the scheduler is what kept failing.

export const EVAL_DELIVERY_LIMIT = 3;
const FOLLOWUP_BASELINE_MS = 60_000;
const FOLLOWUP_RANGE_MS = 5 * 60_000;

export function deliveryLimitCommit(
  snap: SchedulingSnapshot,
  ev: EvaluationView,
  attempts: number,
  ids: { followUp: string; nowMs: number; limit?: number },
): PlanCommit {
  const now = msToNanos(ids.nowMs);
  const jobExists = snap.job(ev.namespace, ev.jobId) !== undefined;
  const waitNs = msToNanos(FOLLOWUP_BASELINE_MS + randomInt(FOLLOWUP_RANGE_MS));
  return {
    evaluation: {
      ID: ev.id,
      Namespace: ev.namespace,
      JobID: ev.jobId,
      expectedVersion: ev.version,
      status: ev.status === 'blocked' ? 'blocked' : 'pending',
    },
    snapshotIndex: snap.index,
    seed: 'delivery-limit',
    now,
    nodes: [],
    placements: [],
    stops: [],
    inPlaceUpdates: [],
    releases: [],
    deferredReschedules: [],
    outcome: {
      status: 'failed',
      fields: {
        StatusDescription: EVALUATION_DESCRIPTIONS.deliveryLimit(ids.limit ?? EVAL_DELIVERY_LIMIT),
        QueuedAllocations: null,
        FailedTGAllocs: null,
        SnapshotIndex: snap.index,
        NextEval: jobExists ? ids.followUp : '',
        BlockedEval: '',
        ClassEligibility: null,
        EscapedComputedClass: false,
        DeploymentID: '',
        DeliveryAttempt: attempts,
        ModifyTime: now,
      },
    },
    createEvaluations: jobExists
      ? [
          {
            ID: ids.followUp,
            Namespace: ev.namespace,
            Priority: ev.priority,
            Type: ev.type,
            TriggeredBy: 'failed-follow-up',
            JobID: ev.jobId,
            JobModifyIndex: ev.jobModifyIndex,
            Status: 'pending',
            StatusDescription: '',
            PreviousEval: ev.id,
            WaitUntil: null,
            Wait: waitNs,
            FailedTGAllocs: null,
            ClassEligibility: null,
            EscapedComputedClass: false,
            SnapshotIndex: snap.index,
            CreateTime: now,
            ModifyTime: now,
          },
        ]
      : [],
    cancelEvaluations: [],
  };
}
