import type { Job } from '@caravan/nomad-api';
import type { SchedulerAllocation } from '../model/allocation';
import type { DesiredUpdates } from '../model/metrics';
import type { Plan } from '../model/plan';
import { aJob, anAlloc, nodes } from './scheduler-builders';

// A small shared world and compact views of a plan, so reconcile specs read as tables.

export const ns = nodes(4);
export const n0 = ns[0]!;
export const n1 = ns[1]!;
export const v1 = aJob({ count: 3 });

export function running(job: Job, count: number, overrides: Partial<SchedulerAllocation> = {}) {
  return Array.from({ length: count }, (_, i) => anAlloc(job, i, ns[i % ns.length]!, overrides));
}

/** Placements as `name:reason` and stops as `name:description`, sorted. */
export const summary = (plan: Plan) => ({
  placed: plan.placements.map((p) => `${p.name}:${p.reason}`).sort(),
  stopped: plan.stops.map((s) => `${s.allocId.split('-')[1]}:${s.desiredDescription}`).sort(),
  inPlace: plan.inPlaceUpdates.length,
});

/** The group's DesiredTGUpdates without the zero counters. */
export const desired = (plan: Plan, group = 'web'): Partial<DesiredUpdates> => {
  const d = plan.annotations.DesiredTGUpdates[group]!;
  return Object.fromEntries(Object.entries(d).filter(([, v]) => v !== 0));
};
