import type { EvaluationTrigger } from '@caravan/domain/evaluations';

// What the scheduler is asked to do. Mirrors the fields of Nomad's Evaluation that `Process`
// reads; indexes are log indexes, times Unix milliseconds.

/** Nomad also creates `alloc-reschedule` follow-ups, which the evaluations stream lacks so far. */
export type SchedulerTrigger = EvaluationTrigger | 'alloc-reschedule';

export type SchedulerType = 'service' | 'batch' | 'system' | 'sysbatch';

export interface EvaluationInput {
  id: string;
  namespace: string;
  jobId: string;
  /** a SchedulerType, or anything else (then the eval fails as Nomad's would) */
  type: string;
  triggeredBy: SchedulerTrigger;
  priority: number;
  jobModifyIndex: number;
  /** an unblocked blocked eval arrives still `blocked`; the scheduler re-blocks it if needed */
  status: 'pending' | 'blocked';
  nodeId?: string;
  deploymentId?: string;
  /** `/evaluate` with ForceReschedule: failed allocations reschedule now, ignoring delays */
  forceReschedule?: boolean;
  /** a delayed eval (reschedule follow-up) is not run before this time */
  waitUntil?: number | null;
  /** dry run (`/v1/job/:id/plan`): the plan is returned, never committed */
  annotatePlan?: boolean;
}

/** The generic scheduler accepts every trigger except the core GC's. */
export const GENERIC_TRIGGERS: ReadonlySet<string> = new Set<SchedulerTrigger>([
  'job-register',
  'job-deregister',
  'periodic-job',
  'node-drain',
  'node-update',
  'alloc-stop',
  'rolling-update',
  'deployment-watcher',
  'failed-follow-up',
  'max-plan-attempts',
  'alloc-failure',
  'queued-allocs',
  'preemption',
  'job-scaling',
  'reconnect',
  'alloc-reschedule',
]);

export const SYSTEM_TRIGGERS: ReadonlySet<string> = new Set<SchedulerTrigger>([
  'job-register',
  'node-update',
  'failed-follow-up',
  'job-deregister',
  'rolling-update',
  'preemption',
  'deployment-watcher',
  'node-drain',
  'alloc-stop',
  'queued-allocs',
  'job-scaling',
  'reconnect',
]);
