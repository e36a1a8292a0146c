import type { EvaluationInput, SchedulerTrigger } from '@caravan/domain/scheduler';
import type { EvaluationView } from '@caravan/scheduling';
import { nanosToMs } from './time';

// What the state knows of an evaluation → what the pure scheduler is asked.

export function toEvaluationInput(ev: EvaluationView): EvaluationInput {
  return {
    id: ev.id,
    namespace: ev.namespace,
    jobId: ev.jobId,
    type: ev.type,
    // the log holds only triggers the domain defines; an unknown one fails the eval as in Nomad
    triggeredBy: ev.triggeredBy as SchedulerTrigger,
    priority: ev.priority,
    jobModifyIndex: ev.jobModifyIndex,
    status: ev.status === 'blocked' ? 'blocked' : 'pending',
    forceReschedule: ev.forceReschedule,
    waitUntil: ev.waitUntil === null ? null : nanosToMs(ev.waitUntil),
  };
}

/** A delayed evaluation (reschedule follow-up, failed follow-up) is not run before this. */
export function dueAtMs(ev: EvaluationView): number {
  if (ev.waitUntil !== null) return nanosToMs(ev.waitUntil);
  const wait = nanosToMs(ev.wait);
  return wait > 0 ? nanosToMs(ev.createTime) + wait : 0;
}

export function isDelayed(ev: EvaluationView): boolean {
  return dueAtMs(ev) > 0;
}
