import type { Nanos } from '@caravan/nomad-api';
import type {
  AllocatedResources,
  ClientStatus,
  NewAllocation,
  RescheduleTracker,
  TaskState,
} from './allocation.types';

// The allocation stream's events: past tense, Nomad's field names, versioned. One stream per
// allocation; the plan applier writes the server-side events, clients write status updates.

/** A plan placed a new allocation (DesiredStatus run, ClientStatus pending). */
export interface AllocationPlaced {
  type: 'AllocationPlaced';
  schemaVersion: 1;
  data: { allocation: NewAllocation };
}

/** A plan asked the client to stop (or, preempted, to evict) the allocation. */
export interface AllocationStopRequested {
  type: 'AllocationStopRequested';
  schemaVersion: 1;
  data: {
    ID: string;
    EvalID: string;
    DesiredStatus: 'stop' | 'evict';
    DesiredDescription: string;
    /** set when the server decides the client state itself: `lost` (node down), `unknown` */
    ClientStatus: 'lost' | 'unknown' | null;
    /** `Preempted by alloc ID <id>` comes with the preempting allocation */
    PreemptedByAllocation: string;
    ModifyTime: Nanos;
  };
}

/** A plan updated the allocation in place: a newer job version, same node, no restart. */
export interface AllocationUpdatedInPlace {
  type: 'AllocationUpdatedInPlace';
  schemaVersion: 1;
  data: {
    ID: string;
    EvalID: string;
    JobVersion: number;
    AllocatedResources: AllocatedResources;
    DeploymentID: string;
    ModifyTime: Nanos;
  };
}

/** The client reported a new status and task states. */
export interface AllocationClientStatusUpdated {
  type: 'AllocationClientStatusUpdated';
  schemaVersion: 1;
  data: {
    ID: string;
    ClientStatus: ClientStatus;
    ClientDescription: string;
    TaskStates: Record<string, TaskState>;
    ModifyTime: Nanos;
  };
}

/**
 * A replacement naming this allocation as its PreviousAllocation was placed (reschedule,
 * destructive update or migration): Nomad sets `NextAllocation` on the old allocation then.
 */
export interface AllocationReplaced {
  type: 'AllocationReplaced';
  schemaVersion: 1;
  data: { ID: string; NextAllocation: string; ModifyTime: Nanos };
}

/**
 * Rescheduling is due later: a follow-up evaluation (WaitUntil) will place the replacement.
 * `RescheduleTracker` carries `LastReschedule: "no placement"` when a reschedule failed.
 */
export interface AllocationRescheduleDeferred {
  type: 'AllocationRescheduleDeferred';
  schemaVersion: 1;
  data: {
    ID: string;
    FollowupEvalID: string;
    RescheduleTracker: RescheduleTracker | null;
    ModifyTime: Nanos;
  };
}

/**
 * The server asked for the allocation to be moved (Nomad's DesiredTransition.Migrate, set by
 * `POST /v1/allocation/:id/stop`): the next evaluation stops it and places a replacement.
 */
export interface AllocationMigrateRequested {
  type: 'AllocationMigrateRequested';
  schemaVersion: 1;
  data: { ID: string; EvalID: string; ModifyTime: Nanos };
}

export type AllocationEvent =
  | AllocationMigrateRequested
  | AllocationPlaced
  | AllocationStopRequested
  | AllocationUpdatedInPlace
  | AllocationClientStatusUpdated
  | AllocationReplaced
  | AllocationRescheduleDeferred;

export const ALLOCATION_EVENT_TYPES = [
  'AllocationPlaced',
  'AllocationStopRequested',
  'AllocationUpdatedInPlace',
  'AllocationClientStatusUpdated',
  'AllocationReplaced',
  'AllocationRescheduleDeferred',
  'AllocationMigrateRequested',
] as const satisfies readonly AllocationEvent['type'][];

/** Nomad's DesiredDescription strings for stopped allocations (plan annotations). */
export const STOP_DESCRIPTIONS = {
  notNeeded: 'alloc not needed due to job update',
  destructiveUpdate: 'alloc is being updated due to job update',
  migrating: 'alloc is being migrated',
  lost: 'alloc is lost since its node is down',
  unknown: 'alloc is unknown since its node is disconnected',
  rescheduled: 'alloc was rescheduled because it failed',
  nodeTainted: 'alloc not needed as node is tainted',
  reconnectDuplicate: 'alloc not needed due to disconnected client reconnect',
} as const;

export function preemptedDescription(byAllocId: string): string {
  return `Preempted by alloc ID ${byAllocId}`;
}
