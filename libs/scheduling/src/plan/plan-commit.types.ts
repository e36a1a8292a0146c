import type {
  AllocatedResources,
  NewAllocation,
  RescheduleTracker,
} from '@caravan/domain/allocations';
import type { EvaluationOutcome, FollowUpEvaluation } from '@caravan/domain/evaluations';
import type { Nanos } from '@caravan/nomad-api';

// What a scheduler worker hands the plan applier: everything one evaluation decided, computed
// purely against a state snapshot. Framework-neutral plain data, so the same shape serves the
// Kafka worker, the embedded store-tail worker, tests and a replay tool.

/** A node's schedulable capacity as the scheduler's snapshot saw it. */
export interface NodeCapacity {
  nodeId: string;
  cpuShares: number;
  memoryMB: number;
  diskMB: number;
  /** log index of the node event these numbers come from; newer numbers win in the table */
  sourceIndex: number;
}

export interface PlannedStop {
  allocId: string;
  /** the node the allocation runs on: node rows are locked in id order to avoid deadlocks */
  nodeId: string;
  desiredStatus: 'stop' | 'evict';
  /** Nomad's DesiredDescription (STOP_DESCRIPTIONS, preemptedDescription) */
  description: string;
  /** `lost` when the node is down, `unknown` when disconnected; else null */
  clientStatus: 'lost' | 'unknown' | null;
  preemptedBy: string;
}

export interface PlannedInPlaceUpdate {
  allocId: string;
  nodeId: string;
  /** the allocation stream's version the scheduler saw: an update never races a stop */
  expectedVersion: number;
  /** the allocation's name, `<job>.<group>[<index>]`: its claim keeps holding it */
  name: string;
  jobVersion: number;
  resources: AllocatedResources;
  deploymentId: string;
}

export interface PlannedDeferral {
  allocId: string;
  followupEvalId: string;
  tracker: RescheduleTracker | null;
}

export interface PlannedCancel {
  evaluationId: string;
  description: string;
  /** the evaluation stream's version the scheduler saw; default: any existing version */
  expectedVersion?: number;
}

export type PlanOutcome =
  | { status: 'complete'; fields: EvaluationOutcome }
  | { status: 'failed'; fields: EvaluationOutcome }
  /** only for an evaluation that is itself blocked (Nomad's Eval.Reblock) */
  | { status: 'blocked'; fields: EvaluationOutcome };

export interface PlanCommit {
  evaluation: {
    ID: string;
    Namespace: string;
    JobID: string;
    /** the evaluation stream's version the scheduler saw; a repeat delivery finds it moved */
    expectedVersion: number;
    status: 'pending' | 'blocked';
  };
  /** the state's log index the plan was computed against (Nomad's SnapshotIndex) */
  snapshotIndex: number;
  seed: string;
  /** Unix ns: the one clock of this commit (CreateTime/ModifyTime) */
  now: Nanos;
  correlationId?: string;
  /** capacity of every node receiving a placement or in-place update */
  nodes: NodeCapacity[];
  placements: NewAllocation[];
  stops: PlannedStop[];
  inPlaceUpdates: PlannedInPlaceUpdate[];
  /** client-terminal allocations the snapshot saw: their claims are freed if still held */
  releases: string[];
  deferredReschedules: PlannedDeferral[];
  outcome: PlanOutcome;
  /** blocked, delayed-reschedule or failed follow-up evaluations */
  createEvaluations: FollowUpEvaluation[];
  /** evaluations this outcome supersedes, e.g. the job's blocked one after a success */
  cancelEvaluations: PlannedCancel[];
}

export type Dimension = 'cpu' | 'memory' | 'disk';

/** Why a plan did not commit. Nothing of it was written; refresh the state and plan again. */
export type PlanRefusal =
  | { kind: 'node-exhausted'; nodeId: string; dimension: Dimension }
  | { kind: 'port-taken'; nodeId: string; port: number; byAllocId: string }
  | { kind: 'name-taken'; name: string; allocId: string; byAllocId: string }
  | { kind: 'allocation-exists'; allocId: string }
  | { kind: 'node-unknown'; nodeId: string }
  | { kind: 'stream-moved'; streamId: string; expected: string; actual: number }
  | { kind: 'deadlock' };

export type PlanResult =
  | {
      committed: true;
      firstIndex: number;
      lastIndex: number;
      /** allocations whose claims this commit freed (a repeat frees nothing) */
      released: number;
      claimed: number;
    }
  | { committed: false; refusal: PlanRefusal };
