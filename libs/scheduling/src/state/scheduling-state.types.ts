import type {
  AllocatedResources,
  ClientStatus,
  DesiredStatus,
  NewAllocation,
  TaskState,
} from '@caravan/domain/allocations';
import type { NodeSpec, NodeStatus } from '@caravan/domain/nodes';
import type { Job, Nanos } from '@caravan/nomad-api';

// What the scheduler's in-memory state holds (Nomad's FSM tables, restricted to what a
// scheduler reads). Index fields are log indexes; `version` fields are stream versions, what a
// plan passes as expected version.

export interface Resources {
  cpu: number;
  mem: number;
  disk: number;
}

export interface NodeView {
  node: NodeSpec;
  status: NodeStatus;
  /** schedulable capacity: the node's resources (simulated nodes reserve nothing) */
  capacity: Resources;
  /** log index of the event the capacity comes from (PlanCommit NodeCapacity.sourceIndex) */
  capacityIndex: number;
  /** what non-terminal allocations on the node hold */
  used: Resources;
  /** port → the non-terminal allocation holding it */
  ports: ReadonlyMap<number, string>;
  modifyIndex: number;
  /**
   * log index at which capacity last became available here (registered, back to ready, an
   * allocation released): a blocked evaluation planned before it may fit now (missed unblock)
   */
  freedIndex: number;
}

export interface AllocationView {
  allocation: Omit<NewAllocation, 'DesiredStatus' | 'ClientStatus'> & {
    DesiredStatus: DesiredStatus;
    ClientStatus: ClientStatus;
    AllocatedResources: AllocatedResources;
    NextAllocation: string;
    FollowupEvalID: string;
    TaskStates: Record<string, TaskState>;
    /** Nomad's DesiredTransition: Migrate asks the scheduler to move it (alloc stop) */
    DesiredTransition: { Migrate: boolean };
  };
  /** neither server- nor client-terminal: it holds resources on its node */
  holdsResources: boolean;
  version: number;
  createIndex: number;
  modifyIndex: number;
}

export interface JobView {
  /** the newest version of the job spec */
  job: Job;
  /** log index of the newest version-creating event (Nomad's JobModifyIndex) */
  jobModifyIndex: number;
  version: number;
}

export interface EvaluationView {
  id: string;
  namespace: string;
  jobId: string;
  status: 'pending' | 'blocked' | 'complete' | 'failed' | 'canceled';
  version: number;
  modifyIndex: number;
  createIndex: number;
  /** what the scheduler is asked (Nomad's Evaluation fields as created) */
  type: string;
  priority: number;
  triggeredBy: string;
  jobModifyIndex: number;
  forceReschedule: boolean;
  createTime: Nanos;
  /** delayed evaluations: not before this Unix-ns time / this long after CreateTime */
  waitUntil: Nanos | null;
  wait: Nanos;
  previousEval: string;
  /** blocked evaluations: the state index and node classes their last plan saw */
  snapshotIndex: number;
  classEligibility: Record<string, boolean> | null;
  escapedComputedClass: boolean;
  /** an EvaluationUnblocked arrived after the last block: it is due for scheduling again */
  unblocked: boolean;
}

/**
 * A pure scheduler's read-only view of the state at one log index. It is valid until the
 * state applies its next event: reading it later throws StaleSnapshotError, so a scheduler
 * cannot silently mix two indexes. Take it, plan synchronously, let it go.
 */
export interface SchedulingSnapshot {
  readonly index: number;
  nodes(): Iterable<NodeView>;
  node(nodeId: string): NodeView | undefined;
  allocation(allocId: string): AllocationView | undefined;
  allocationsOnNode(nodeId: string): AllocationView[];
  allocationsOfJob(namespace: string, jobId: string): AllocationView[];
  job(namespace: string, jobId: string): JobView | undefined;
  /** a retained version of a job (allocations run the version they were placed with) */
  jobVersion(namespace: string, jobId: string, version: number): Job | undefined;
  evaluation(evalId: string): EvaluationView | undefined;
  /** pending and blocked evaluations of a job, oldest first */
  openEvaluationsOfJob(namespace: string, jobId: string): EvaluationView[];
  /** every pending and blocked evaluation */
  openEvaluations(): EvaluationView[];
}

export class StaleSnapshotError extends Error {
  readonly code = 'STALE_SNAPSHOT';
  constructor(
    readonly snapshotIndex: number,
    readonly stateIndex: number,
  ) {
    super(`snapshot at index ${snapshotIndex} read after the state moved to ${stateIndex}`);
  }
}
