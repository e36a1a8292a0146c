import { assertNever } from '@caravan/domain/shared';
import { scheduleGeneric } from './generic/generic-scheduler';
import {
  GENERIC_TRIGGERS,
  SYSTEM_TRIGGERS,
  type EvaluationInput,
  type SchedulerType,
} from './model/evaluation';
import type { Plan } from './model/plan';
import type { SchedulerSnapshot } from './model/snapshot';
import { emptyPlan } from './plan-outcome';
import type { ScheduleOptions } from './scheduler-env';
import { scheduleSystem } from './system/system-scheduler';

// The pure scheduler: (snapshot, evaluation, { now, seed }) → plan. Same inputs, same plan.
// It never reads a clock, draws real randomness or does I/O; committing the plan (and
// retrying on conflict) is the plan applier's job.

const TYPES: ReadonlySet<string> = new Set<SchedulerType>([
  'service',
  'batch',
  'system',
  'sysbatch',
]);

export function schedule(
  snapshot: SchedulerSnapshot,
  evaluation: EvaluationInput,
  options: ScheduleOptions,
): Plan {
  if (!TYPES.has(evaluation.type)) {
    return failed(snapshot, evaluation, options, `unknown scheduler type '${evaluation.type}'`);
  }
  const type = evaluation.type as SchedulerType;
  switch (type) {
    case 'service':
    case 'batch':
      if (!GENERIC_TRIGGERS.has(evaluation.triggeredBy))
        return refuse(snapshot, evaluation, options);
      return scheduleGeneric(snapshot, evaluation, options, type === 'batch');
    case 'system':
    case 'sysbatch':
      if (!SYSTEM_TRIGGERS.has(evaluation.triggeredBy))
        return refuse(snapshot, evaluation, options);
      return scheduleSystem(snapshot, evaluation, options, type === 'sysbatch');
    default:
      return assertNever(type);
  }
}

function refuse(snapshot: SchedulerSnapshot, ev: EvaluationInput, options: ScheduleOptions): Plan {
  return failed(
    snapshot,
    ev,
    options,
    `scheduler cannot handle '${ev.triggeredBy}' evaluation reason`,
  );
}

function failed(
  snapshot: SchedulerSnapshot,
  ev: EvaluationInput,
  options: ScheduleOptions,
  description: string,
): Plan {
  const plan = emptyPlan(ev, snapshot.index, options);
  plan.evaluation.status = 'failed';
  plan.evaluation.statusDescription = description;
  return plan;
}
