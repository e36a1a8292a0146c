import { assertNever } from '@caravan/domain/shared';
import type { RescheduleEvent, RescheduleTracker, SchedulerAllocation } from '../model/allocation';
import type { EffectivePolicy } from './reschedule-policy';

// Reschedule math (Nomad's NextDelay, NextRescheduleTime, RescheduleEligible). Times in ms.

/** How many events an unlimited policy carries forward. */
const UNLIMITED_EVENTS_KEPT = 5;

/** When the allocation failed: its last task finish, else its last modification. */
export function failTime(alloc: SchedulerAllocation): number {
  return alloc.finishedAt > 0 ? alloc.finishedAt : alloc.modifyTime;
}

export function nextDelay(policy: EffectivePolicy, alloc: SchedulerAllocation): number {
  const events = alloc.rescheduleTracker?.events ?? [];
  const last = events[events.length - 1];
  if (!last) return policy.delayMs;
  let delay: number;
  switch (policy.delayFunction) {
    case 'constant':
      delay = policy.delayMs;
      break;
    case 'exponential':
      delay = last.delayMs * 2;
      break;
    case 'fibonacci': {
      const previous = events[events.length - 2];
      if (!previous) delay = policy.delayMs;
      // A series that was reset (max, then base) starts over from the base delay.
      else if (previous.delayMs === policy.maxDelayMs && last.delayMs === policy.delayMs) {
        delay = last.delayMs;
      } else delay = last.delayMs + previous.delayMs;
      break;
    }
    default:
      return assertNever(policy.delayFunction);
  }
  if (policy.maxDelayMs > 0 && delay > policy.maxDelayMs) {
    delay = policy.maxDelayMs;
    // It ran longer than the capped delay since its last reschedule: start over.
    if (failTime(alloc) - last.rescheduleTime > delay) delay = policy.delayMs;
  }
  return delay;
}

export interface RescheduleTiming {
  eligible: boolean;
  /** Unix ms at which the replacement may be placed */
  time: number;
}

/** Nomad's NextRescheduleTime; callers check client status and desired status first. */
export function rescheduleTiming(
  policy: EffectivePolicy,
  alloc: SchedulerAllocation,
): RescheduleTiming {
  const failedAt = failTime(alloc);
  const delay = nextDelay(policy, alloc);
  const time = failedAt + delay;
  if (failedAt <= 0) return { eligible: false, time };
  if (policy.unlimited) return { eligible: true, time };
  const events = alloc.rescheduleTracker?.events ?? [];
  if (policy.attempts > 0 && events.length === 0) return { eligible: true, time };
  const recent = events.filter((e) => failedAt - e.rescheduleTime < policy.intervalMs).length;
  return { eligible: recent < policy.attempts && delay < policy.intervalMs, time };
}

/** The tracker of a replacement: carried events plus one for this reschedule. */
export function nextTracker(
  policy: EffectivePolicy | null,
  prev: SchedulerAllocation,
  now: number,
): RescheduleTracker {
  const events = prev.rescheduleTracker?.events ?? [];
  let carried: readonly RescheduleEvent[] = [];
  if (policy?.unlimited) carried = events.slice(-UNLIMITED_EVENTS_KEPT);
  else if (policy && policy.attempts > 0) {
    carried = events.filter((e) => now - e.rescheduleTime <= policy.intervalMs);
  }
  const delayMs = policy ? nextDelay(policy, prev) : 0;
  return {
    events: [
      ...carried,
      { rescheduleTime: now, prevAllocId: prev.id, prevNodeId: prev.nodeId, delayMs },
    ],
    lastReschedule: 'ok',
  };
}

/** Nodes a replacement should avoid: the failed alloc's node and every earlier one. */
export function penaltyNodes(prev: SchedulerAllocation | null): Set<string> {
  const nodes = new Set<string>();
  if (!prev) return nodes;
  if (prev.clientStatus === 'failed') nodes.add(prev.nodeId);
  for (const e of prev.rescheduleTracker?.events ?? []) nodes.add(e.prevNodeId);
  return nodes;
}
