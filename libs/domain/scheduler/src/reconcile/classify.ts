import type { Job, TaskGroup } from '@caravan/nomad-api';
import { clientTerminal, serverTerminal, type SchedulerAllocation } from '../model/allocation';
import type { ReconcileInput } from './reconcile.types';
import { reschedulePolicy } from './reschedule-policy';
import { rescheduleTiming } from './reschedule';

// Sorting a group's allocations into Nomad's buckets. Only the buckets the scheduler acts on
// are kept; `ignore` allocations are simply dropped (they count toward nothing).

/** Within this much of now, a reschedule happens in this eval rather than a follow-up. */
export const RESCHEDULE_WINDOW_MS = 1000;

export interface Buckets {
  untainted: SchedulerAllocation[];
  migrate: SchedulerAllocation[];
  lost: SchedulerAllocation[];
  rescheduleNow: SchedulerAllocation[];
  /** also in `untainted`: they keep counting until their follow-up eval replaces them */
  rescheduleLater: { alloc: SchedulerAllocation; time: number }[];
}

export function classify(
  input: ReconcileInput,
  job: Job,
  group: TaskGroup,
  allocs: readonly SchedulerAllocation[],
): Buckets {
  const b: Buckets = {
    untainted: [],
    migrate: [],
    lost: [],
    rescheduleNow: [],
    rescheduleLater: [],
  };
  const policy = reschedulePolicy(job, group);
  for (const a of allocs) {
    if (a.nextAllocation !== '') continue; // already replaced
    if (serverTerminal(a) && !failedToReplace(a) && !(input.batch && ranSuccessfully(a))) continue;
    // Batch: terminal allocations of an older version are history, not members.
    if (input.batch && clientTerminal(a) && a.job.Version < job.Version) continue;
    if (!clientTerminal(a)) {
      const node = input.node(a.nodeId);
      if (a.desiredTransition.migrate) b.migrate.push(a);
      else if (!node || node.status === 'down' || node.status === 'disconnected') b.lost.push(a);
      else if (node.drain) b.migrate.push(a);
      else b.untainted.push(a);
      continue;
    }
    const candidate = rescheduleCandidate(a, input.batch);
    if (candidate === 'drop') continue;
    if (candidate === 'keep') {
      b.untainted.push(a);
      continue;
    }
    if (input.forceReschedule) {
      b.rescheduleNow.push(a);
      continue;
    }
    const timing = policy ? rescheduleTiming(policy, a) : { eligible: false, time: 0 };
    const enabled = policy !== null && (policy.attempts > 0 || policy.unlimited);
    if (enabled && timing.eligible) {
      if (a.followupEvalId === input.evalId || timing.time - input.now <= RESCHEDULE_WINDOW_MS) {
        b.rescheduleNow.push(a);
        continue;
      }
      if (a.followupEvalId === '') b.rescheduleLater.push({ alloc: a, time: timing.time });
    }
    b.untainted.push(a);
  }
  return b;
}

/** A stopped failed allocation whose replacement found no node stays a reschedule candidate. */
function failedToReplace(a: SchedulerAllocation): boolean {
  return a.rescheduleTracker?.lastReschedule === 'no placement' && a.clientStatus === 'failed';
}

/**
 * Client-terminal allocations: batch allocs that completed (or were lost) count as members and
 * are never replaced; service allocs that completed or were lost are dropped so they get
 * replaced; failed allocs of either type are reschedule candidates.
 */
function rescheduleCandidate(
  a: SchedulerAllocation,
  batch: boolean,
): 'drop' | 'keep' | 'candidate' {
  if (a.clientStatus === 'failed') return 'candidate';
  return batch ? 'keep' : 'drop';
}

/** A batch allocation that finished its work stays done even if later marked stopped. */
function ranSuccessfully(a: SchedulerAllocation): boolean {
  return a.desiredStatus === 'stop' && a.clientStatus === 'complete';
}
