import type {
  AllocatedResources,
  AllocMetric,
  ClientStatus,
  DesiredStatus,
  RescheduleTracker,
  TaskEvent,
} from '@caravan/domain/allocations';
import type { Job, Nanos } from '@caravan/nomad-api';

/** Nomad's TaskState as served: the times are RFC 3339 strings (Go's time.Time). */
export interface NomadTaskState {
  State: string;
  Failed: boolean;
  Restarts: number;
  LastRestart: string;
  StartedAt: string;
  FinishedAt: string;
  Events: TaskEvent[];
  TaskHandle: null;
}

/** Nomad's Allocation as GET /v1/allocation/:id returns it (Job joined in at read time). */
export interface NomadAllocation {
  ID: string;
  Namespace: string;
  EvalID: string;
  Name: string;
  NodeID: string;
  NodeName: string;
  JobID: string;
  Job: Job | null;
  TaskGroup: string;
  Resources: null;
  TaskResources: null;
  AllocatedResources: AllocatedResources;
  Services: null;
  Metrics: AllocMetric;
  DesiredStatus: DesiredStatus;
  DesiredDescription: string;
  /** Nomad's pointers: null until set */
  DesiredTransition: { Migrate: boolean | null; Reschedule: null; ForceReschedule: null };
  ClientStatus: ClientStatus;
  ClientDescription: string;
  TaskStates: Record<string, NomadTaskState> | null;
  DeploymentID: string;
  DeploymentStatus: null;
  FollowupEvalID: string;
  PreviousAllocation: string;
  NextAllocation: string;
  RescheduleTracker: RescheduleTracker | null;
  NetworkStatus: null;
  PreemptedAllocations: null;
  PreemptedByAllocation: string;
  CreateIndex: number;
  ModifyIndex: number;
  AllocModifyIndex: number;
  CreateTime: Nanos;
  ModifyTime: Nanos;
}

/** Nomad's AllocListStub (lists): JobType and JobVersion, no Job, Metrics or Services. */
export interface NomadAllocListStub {
  ID: string;
  EvalID: string;
  Name: string;
  Namespace: string;
  NodeID: string;
  NodeName: string;
  JobID: string;
  JobType: string;
  JobVersion: number;
  TaskGroup: string;
  AllocatedResources?: AllocatedResources;
  DesiredStatus: DesiredStatus;
  DesiredDescription: string;
  ClientStatus: ClientStatus;
  ClientDescription: string;
  DesiredTransition: NomadAllocation['DesiredTransition'];
  TaskStates: Record<string, NomadTaskState> | null;
  DeploymentStatus: null;
  FollowupEvalID: string;
  NextAllocation: string;
  RescheduleTracker: RescheduleTracker | null;
  PreemptedAllocations: null;
  PreemptedByAllocation: string;
  CreateIndex: number;
  ModifyIndex: number;
  CreateTime: Nanos;
  ModifyTime: Nanos;
}
