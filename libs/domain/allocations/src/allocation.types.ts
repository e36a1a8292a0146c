import type { Nanos } from '@caravan/nomad-api';

// Nomad's Allocation vocabulary, in its JSON field names, minus the indexes (CreateIndex,
// ModifyIndex, AllocModifyIndex are log indexes assigned at commit; the read models add them).

export type DesiredStatus = 'run' | 'stop' | 'evict';
export type ClientStatus = 'pending' | 'running' | 'complete' | 'failed' | 'lost' | 'unknown';

/** A reserved or dynamic port as Nomad allocates it (`AllocatedPortMapping`). */
export interface AllocatedPort {
  Label: string;
  Value: number;
  To: number;
  HostIP: string;
}

export interface AllocatedTaskResources {
  Cpu: { CpuShares: number; ReservedCores: number[] };
  /** MemoryMB is what bin-packing counts; MemoryMaxMB is the oversubscription ceiling */
  Memory: { MemoryMB: number; MemoryMaxMB: number };
  Networks: unknown[] | null;
  Devices: unknown[] | null;
}

export interface AllocatedResources {
  Tasks: Record<string, AllocatedTaskResources>;
  TaskLifecycles: Record<string, { Hook: string; Sidecar: boolean } | null>;
  Shared: { DiskMB: number; Networks: unknown[] | null; Ports: AllocatedPort[] | null };
}

// The scheduler's metrics are Nomad's wire shapes, defined once by the pure scheduler.
export type { AllocMetric, NodeScoreMeta } from '@caravan/domain/scheduler';
import type { AllocMetric, NodeScoreMeta } from '@caravan/domain/scheduler';

export interface RescheduleEvent {
  RescheduleTime: Nanos;
  PrevAllocID: string;
  PrevNodeID: string;
  Delay: Nanos;
}

export interface RescheduleTracker {
  Events: RescheduleEvent[];
  LastReschedule: 'ok' | 'no placement' | '';
}

export interface TaskEvent {
  Type: string;
  Time: Nanos;
  DisplayMessage: string;
  Details: Record<string, string>;
  ExitCode?: number;
  Signal?: number;
  Message?: string;
}

/** Nomad's `TaskState`: a task's life on the client, as reported in alloc updates. */
export interface TaskState {
  State: 'pending' | 'running' | 'dead';
  Failed: boolean;
  Restarts: number;
  LastRestart: Nanos | null;
  StartedAt: Nanos | null;
  FinishedAt: Nanos | null;
  Events: TaskEvent[];
}

/**
 * Why this node: Caravan keeps what Nomad garbage-collects, so a placement can be explained
 * and replayed from the log (DESIGN.md "Scheduling").
 */
export interface PlacementExplanation {
  /** the scheduler state's log index the plan was computed against */
  SnapshotIndex: number;
  /** the seed of the scheduler's randomness (node shuffling) */
  Seed: string;
  /** the top candidates with every score component, best first */
  Candidates: NodeScoreMeta[];
}

/** The full allocation as a plan places it (Nomad's `Allocation` without indexes or `Job`). */
export interface NewAllocation {
  ID: string;
  Namespace: string;
  EvalID: string;
  /** `<job>.<group>[<index>]` */
  Name: string;
  NodeID: string;
  NodeName: string;
  JobID: string;
  JobVersion: number;
  TaskGroup: string;
  AllocatedResources: AllocatedResources;
  DesiredStatus: 'run';
  DesiredDescription: string;
  ClientStatus: 'pending';
  ClientDescription: string;
  Metrics: AllocMetric;
  PreviousAllocation: string;
  RescheduleTracker: RescheduleTracker | null;
  DeploymentID: string;
  CreateTime: Nanos;
  ModifyTime: Nanos;
  Explanation: PlacementExplanation;
}

export function isClientTerminal(status: ClientStatus): boolean {
  return status === 'complete' || status === 'failed' || status === 'lost';
}

export function isServerTerminal(status: DesiredStatus): boolean {
  return status === 'stop' || status === 'evict';
}
