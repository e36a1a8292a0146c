import type { AllocatedResources, RescheduleTracker } from './allocation';
import type { SchedulerTrigger } from './evaluation';
import type { AllocMetric, DesiredUpdates } from './metrics';

// What one evaluation decided. Nothing here is committed yet: the plan applier re-checks every
// node's capacity and appends the events (DESIGN.md "Scheduling").

/** Why a placement exists; a replacement names the allocation it replaces. */
export type PlacementReason = 'new' | 'lost' | 'reschedule' | 'migrate' | 'destructive';

export interface Placement {
  id: string;
  evalId: string;
  namespace: string;
  jobId: string;
  jobVersion: number;
  jobModifyIndex: number;
  taskGroup: string;
  name: string;
  nodeId: string;
  nodeName: string;
  resources: AllocatedResources;
  reason: PlacementReason;
  previousAllocation: string;
  rescheduleTracker: RescheduleTracker | null;
  /** filter counts and top candidates: why this node (kept in the log, unlike Nomad) */
  metrics: AllocMetric;
  /** deployments are a later issue; always '' and false for now */
  deploymentId: string;
  canary: boolean;
}

export interface PlannedStop {
  allocId: string;
  nodeId: string;
  /** one of Nomad's descriptions, see STOP_REASONS */
  desiredDescription: string;
  /** set when the stop also marks the client side (`lost`) */
  clientStatus: 'lost' | null;
  /** the placement that must commit with this stop (destructive update, reschedule, migrate) */
  replacedBy: string | null;
}

/** The same allocation keeps its node and ports but moves to the new job version. */
export interface InPlaceUpdate {
  allocId: string;
  nodeId: string;
  jobVersion: number;
  jobModifyIndex: number;
  resources: AllocatedResources;
}

/** A destructive update: the old allocation stops only if its replacement is placed. */
export interface DestructiveUpdate {
  stopAllocId: string;
  placementId: string;
}

/** Server-side attribute changes that are not stops (Nomad's attribute-only updates). */
export interface AllocAttributeUpdate {
  allocId: string;
  followupEvalId?: string;
  lastReschedule?: 'no placement';
}

export interface CreatedEvaluation {
  id: string;
  namespace: string;
  jobId: string;
  type: string;
  priority: number;
  triggeredBy: SchedulerTrigger;
  status: 'pending' | 'blocked';
  statusDescription: string;
  jobModifyIndex: number;
  previousEval: string;
  /** Unix ms; set on delayed reschedule follow-ups */
  waitUntil: number | null;
  nodeId: string;
  failedTGAllocs: Record<string, AllocMetric> | null;
  classEligibility: Record<string, boolean> | null;
  escapedComputedClass: boolean;
}

export interface EvaluationOutcome {
  status: 'complete' | 'failed' | 'blocked';
  statusDescription: string;
  nextEval: string;
  blockedEval: string;
  queuedAllocations: Record<string, number>;
  failedTGAllocs: Record<string, AllocMetric>;
  classEligibility: Record<string, boolean>;
  escapedComputedClass: boolean;
  snapshotIndex: number;
}

export interface Plan {
  evalId: string;
  namespace: string;
  jobId: string;
  /** what a replay needs besides the log: the state index and the seed; `now` is Unix ms */
  inputs: { stateIndex: number; seed: number; now: number };
  placements: Placement[];
  stops: PlannedStop[];
  inPlaceUpdates: InPlaceUpdate[];
  /** also present as a placement (reason `destructive`) and a stop with `replacedBy` */
  destructiveUpdates: DestructiveUpdate[];
  attributeUpdates: AllocAttributeUpdate[];
  annotations: { DesiredTGUpdates: Record<string, DesiredUpdates> };
  /** a blocked eval (placements failed) or a re-block of this one */
  blockedEval: CreatedEvaluation | null;
  /** delayed reschedules (`created for delayed rescheduling`) */
  followUpEvals: CreatedEvaluation[];
  evaluation: EvaluationOutcome;
}

export const STOP_REASONS = {
  notNeeded: 'alloc not needed due to job update',
  updating: 'alloc is being updated due to job update',
  migrating: 'alloc is being migrated',
  lost: 'alloc is lost since its node is down',
  rescheduled: 'alloc was rescheduled because it failed',
  nodeTainted: 'alloc not needed as node is tainted',
} as const;

export const EVAL_DESCRIPTIONS = {
  blocked: 'created to place remaining allocations',
  delayedReschedule: 'created for delayed rescheduling',
} as const;

/** True when the plan changes nothing (Nomad then submits no plan but completes the eval). */
export function planIsNoOp(plan: Plan): boolean {
  return (
    plan.placements.length === 0 &&
    plan.stops.length === 0 &&
    plan.inPlaceUpdates.length === 0 &&
    plan.attributeUpdates.length === 0
  );
}
