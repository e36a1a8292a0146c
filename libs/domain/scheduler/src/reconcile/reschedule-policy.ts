import type { Job, TaskGroup } from '@caravan/nomad-api';
import { HOUR_MS, SECOND_MS, nanosToMs } from '../util/time';

// The reschedule policy in force for a group, with Nomad's defaults per job type when the
// spec carries none (canonicalization normally fills them; old events may not).

export type DelayFunction = 'constant' | 'exponential' | 'fibonacci';

export interface EffectivePolicy {
  attempts: number;
  intervalMs: number;
  delayMs: number;
  delayFunction: DelayFunction;
  maxDelayMs: number;
  unlimited: boolean;
}

export const SERVICE_DEFAULT_POLICY: EffectivePolicy = {
  attempts: 0,
  intervalMs: 0,
  delayMs: 30 * SECOND_MS,
  delayFunction: 'exponential',
  maxDelayMs: HOUR_MS,
  unlimited: true,
};

export const BATCH_DEFAULT_POLICY: EffectivePolicy = {
  attempts: 1,
  intervalMs: 24 * HOUR_MS,
  delayMs: 5 * SECOND_MS,
  delayFunction: 'constant',
  maxDelayMs: 0,
  unlimited: false,
};

/** null for system and sysbatch jobs, which never reschedule. */
export function reschedulePolicy(job: Job, group: TaskGroup): EffectivePolicy | null {
  const p = group.ReschedulePolicy;
  if (p) {
    return {
      attempts: p.Attempts,
      intervalMs: nanosToMs(p.Interval),
      delayMs: nanosToMs(p.Delay),
      delayFunction: parseDelayFunction(p.DelayFunction),
      maxDelayMs: nanosToMs(p.MaxDelay),
      unlimited: p.Unlimited,
    };
  }
  if (job.Type === 'service') return SERVICE_DEFAULT_POLICY;
  if (job.Type === 'batch') return BATCH_DEFAULT_POLICY;
  return null;
}

export function policyEnabled(p: EffectivePolicy | null): p is EffectivePolicy {
  return p !== null && (p.attempts > 0 || p.unlimited);
}

const DELAY_FUNCTIONS: ReadonlySet<string> = new Set<DelayFunction>([
  'constant',
  'exponential',
  'fibonacci',
]);

/** Validation rejects other values; anything unknown behaves as constant. */
export function parseDelayFunction(value: string): DelayFunction {
  return DELAY_FUNCTIONS.has(value) ? (value as DelayFunction) : 'constant';
}
