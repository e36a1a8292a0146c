import type { Job, TaskGroup } from '@caravan/nomad-api';
import type { AllocatedResources, SchedulerAllocation } from '../model/allocation';
import type { DesiredUpdates } from '../model/metrics';
import type { SchedulerNode } from '../model/node';
import type {
  AllocAttributeUpdate,
  CreatedEvaluation,
  PlacementReason,
  PlannedStop,
} from '../model/plan';

// The reconciler compares desired (the job) with actual (its allocations) and says what to do;
// the scheduler then finds nodes. It never chooses nodes itself, except through `update`, which
// asks the scheduler whether the new version fits in place.

export type UpdateDecision =
  { kind: 'ignore' } | { kind: 'destructive' } | { kind: 'inplace'; resources: AllocatedResources };

export interface ReconcileHooks {
  /** the reconciler decided to stop this allocation (frees its resources for what follows) */
  stopped(alloc: SchedulerAllocation): void;
  /** may the allocation move to `job` in place? (called for allocs of an older job version) */
  update(alloc: SchedulerAllocation, job: Job, group: TaskGroup): UpdateDecision;
}

export interface ReconcileInput {
  namespace: string;
  jobId: string;
  /** the current version; undefined when purged */
  job: Job | undefined;
  allocs: readonly SchedulerAllocation[];
  node(id: string): SchedulerNode | undefined;
  batch: boolean;
  evalId: string;
  evalPriority: number;
  evalType: string;
  /** a delayed eval creates no further delayed follow-ups (Nomad) */
  evalHasWaitUntil: boolean;
  forceReschedule: boolean;
  now: number;
  newId(): string;
  hooks: ReconcileHooks;
}

/** A placement the scheduler must find a node for. */
export interface PlacementRequest {
  taskGroup: string;
  name: string;
  reason: PlacementReason;
  previous: SchedulerAllocation | null;
  /** stop `previous` with this description, atomically with the placement */
  stopPreviousAs: string | null;
}

export interface InPlaceRequest {
  alloc: SchedulerAllocation;
  resources: AllocatedResources;
}

export interface ReconcileResult {
  stops: PlannedStop[];
  inPlace: InPlaceRequest[];
  /** destructive updates first, then the rest, as Nomad places them */
  placements: PlacementRequest[];
  attributeUpdates: AllocAttributeUpdate[];
  followUps: CreatedEvaluation[];
  desired: Record<string, DesiredUpdates>;
}
