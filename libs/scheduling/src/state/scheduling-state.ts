import { ALLOCATION_EVENT_TYPES, type AllocationEvent } from '@caravan/domain/allocations';
import {
  EVALUATION_EVENT_TYPES,
  EVALUATION_LIFECYCLE_EVENT_TYPES,
  type EvaluationStreamEvent,
} from '@caravan/domain/evaluations';
import { JOB_EVENT_TYPES, type JobEvent } from '@caravan/domain/jobs';
import type { NodeEvent } from '@caravan/domain/nodes';
import { AllocationTable } from './allocation-table';
import { EvaluationTable } from './evaluation-table';
import { JobTable } from './job-table';
import { NodeTable } from './node-table';
import { StaleSnapshotError, type SchedulingSnapshot } from './scheduling-state.types';

// The scheduler's state, like Nomad's FSM: every committed event folded in log order, so the
// state at index N is exactly the log up to N. Only the tables a scheduler reads are kept.

/** The parts of a recorded event the fold reads (RecordedEvent from the event store fits). */
export interface LogEvent {
  logIndex: number;
  streamPosition: number;
  type: string;
  data: unknown;
}

const NODE_TYPES: ReadonlySet<string> = new Set(['NodeRegistered', 'NodeStatusChanged']);
const JOB_TYPES: ReadonlySet<string> = new Set(JOB_EVENT_TYPES);
const ALLOCATION_TYPES: ReadonlySet<string> = new Set(ALLOCATION_EVENT_TYPES);
const EVALUATION_TYPES: ReadonlySet<string> = new Set([
  ...EVALUATION_EVENT_TYPES,
  ...EVALUATION_LIFECYCLE_EVENT_TYPES,
]);

export class LogGapError extends Error {
  readonly code = 'LOG_GAP';
  constructor(
    readonly stateIndex: number,
    readonly eventIndex: number,
  ) {
    super(`state at index ${stateIndex} was given event ${eventIndex}: the log is gapless`);
  }
}

export class SchedulingState {
  private applied: number;
  private readonly nodeTable = new NodeTable();
  private readonly allocTable = new AllocationTable(this.nodeTable);
  private readonly jobTable = new JobTable();
  private readonly evalTable = new EvaluationTable();

  constructor(startIndex = 0) {
    this.applied = startIndex;
  }

  get index(): number {
    return this.applied;
  }

  /** Folds one event; a repeat of an applied index is ignored, a gap is a bug and throws. */
  apply(event: LogEvent): void {
    if (event.logIndex <= this.applied) return;
    if (event.logIndex !== this.applied + 1) throw new LogGapError(this.applied, event.logIndex);
    const { logIndex: at, streamPosition: version } = event;
    // The type sets decide the union member; the events were validated when appended.
    const typed: unknown = { type: event.type, data: event.data };
    if (NODE_TYPES.has(event.type)) this.nodeTable.apply(typed as NodeEvent, at);
    else if (ALLOCATION_TYPES.has(event.type))
      this.allocTable.apply(typed as AllocationEvent, at, version);
    else if (JOB_TYPES.has(event.type)) this.jobTable.apply(typed as JobEvent, at, version);
    else if (EVALUATION_TYPES.has(event.type))
      this.evalTable.apply(typed as EvaluationStreamEvent, at, version);
    this.applied = at;
  }

  snapshot(): SchedulingSnapshot {
    const at = this.applied;
    const fresh = () => {
      if (this.applied !== at) throw new StaleSnapshotError(at, this.applied);
    };
    const guard =
      <A extends unknown[], R>(read: (...args: A) => R) =>
      (...args: A): R => {
        fresh();
        return read(...args);
      };
    return {
      index: at,
      nodes: guard(() => [...this.nodeTable.all()]),
      node: guard((id: string) => this.nodeTable.get(id)),
      allocation: guard((id: string) => this.allocTable.get(id)),
      allocationsOnNode: guard((id: string) => this.allocTable.onNode(id)),
      allocationsOfJob: guard((ns: string, job: string) => this.allocTable.ofJob(ns, job)),
      job: guard((ns: string, job: string) => this.jobTable.get(ns, job)),
      jobVersion: guard((ns: string, job: string, v: number) => this.jobTable.version(ns, job, v)),
      evaluation: guard((id: string) => this.evalTable.get(id)),
      openEvaluationsOfJob: guard((ns: string, job: string) => this.evalTable.openOfJob(ns, job)),
      openEvaluations: guard(() => this.evalTable.open()),
    };
  }
}
