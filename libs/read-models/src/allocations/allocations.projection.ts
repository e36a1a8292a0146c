import type { RecordedEvent } from '@caravan/event-store';
import {
  ALLOCATION_EVENT_TYPES,
  type AllocationEvent,
  type NewAllocation,
  type TaskState,
} from '@caravan/domain/allocations';
import { assertNever } from '@caravan/domain/shared';
import type { Projection } from '../projection/projection.types';
import type { Recorded } from '../jobs/job-events';
import type { NomadAllocation, NomadTaskState } from './allocation.json';
import type { AllocationRow } from './allocation.row';
import { goTime } from './go-time';

type Handled = Recorded<AllocationEvent>;

const isHandled = (event: RecordedEvent): event is Handled =>
  (ALLOCATION_EVENT_TYPES as readonly string[]).includes(event.type);

const idOf = (event: Handled): string =>
  event.type === 'AllocationPlaced' ? event.data.allocation.ID : event.data.ID;

function taskState(state: TaskState): NomadTaskState {
  return {
    State: state.State,
    Failed: state.Failed,
    Restarts: state.Restarts,
    LastRestart: goTime(state.LastRestart),
    StartedAt: goTime(state.StartedAt),
    FinishedAt: goTime(state.FinishedAt),
    Events: state.Events,
    TaskHandle: null,
  };
}

function placed(a: NewAllocation, index: number): AllocationRow {
  const allocation: NomadAllocation = {
    ID: a.ID,
    Namespace: a.Namespace,
    EvalID: a.EvalID,
    Name: a.Name,
    NodeID: a.NodeID,
    NodeName: a.NodeName,
    JobID: a.JobID,
    Job: null,
    TaskGroup: a.TaskGroup,
    Resources: null,
    TaskResources: null,
    AllocatedResources: a.AllocatedResources,
    Services: null,
    Metrics: a.Metrics,
    DesiredStatus: a.DesiredStatus,
    DesiredDescription: a.DesiredDescription,
    DesiredTransition: { Migrate: null, Reschedule: null, ForceReschedule: null },
    ClientStatus: a.ClientStatus,
    ClientDescription: a.ClientDescription,
    TaskStates: null,
    DeploymentID: a.DeploymentID,
    DeploymentStatus: null,
    FollowupEvalID: '',
    PreviousAllocation: a.PreviousAllocation,
    NextAllocation: '',
    RescheduleTracker: a.RescheduleTracker,
    NetworkStatus: null,
    PreemptedAllocations: null,
    PreemptedByAllocation: '',
    CreateIndex: index,
    ModifyIndex: index,
    AllocModifyIndex: index,
    CreateTime: a.CreateTime,
    ModifyTime: a.ModifyTime,
  };
  return {
    id: a.ID,
    namespace: a.Namespace,
    jobId: a.JobID,
    nodeId: a.NodeID,
    evalId: a.EvalID,
    clientStatus: a.ClientStatus,
    desiredStatus: a.DesiredStatus,
    jobVersion: a.JobVersion,
    createIndex: index,
    modifyIndex: index,
    allocation,
    lastIndex: index,
  };
}

/** The fields an event changes; `server` events also move AllocModifyIndex (Nomad's rule). */
function changes(event: Exclude<Handled, { type: 'AllocationPlaced' }>): {
  fields: Partial<NomadAllocation>;
  server: boolean;
  jobVersion?: number;
} {
  switch (event.type) {
    case 'AllocationStopRequested': {
      const fields: Partial<NomadAllocation> = {
        DesiredStatus: event.data.DesiredStatus,
        DesiredDescription: event.data.DesiredDescription,
        PreemptedByAllocation: event.data.PreemptedByAllocation,
      };
      if (event.data.ClientStatus !== null) fields.ClientStatus = event.data.ClientStatus;
      return { fields, server: true };
    }
    case 'AllocationUpdatedInPlace':
      return {
        fields: {
          EvalID: event.data.EvalID,
          AllocatedResources: event.data.AllocatedResources,
          DeploymentID: event.data.DeploymentID,
        },
        server: true,
        jobVersion: event.data.JobVersion,
      };
    case 'AllocationClientStatusUpdated': {
      const states = Object.entries(event.data.TaskStates);
      const TaskStates =
        states.length === 0 ? null : Object.fromEntries(states.map(([n, s]) => [n, taskState(s)]));
      return {
        fields: {
          ClientStatus: event.data.ClientStatus,
          ClientDescription: event.data.ClientDescription,
          TaskStates,
        },
        server: false,
      };
    }
    case 'AllocationReplaced':
      return { fields: { NextAllocation: event.data.NextAllocation }, server: true };
    case 'AllocationMigrateRequested':
      return {
        fields: {
          DesiredTransition: { Migrate: true, Reschedule: null, ForceReschedule: null },
        },
        server: true,
      };
    case 'AllocationRescheduleDeferred':
      return {
        fields: {
          FollowupEvalID: event.data.FollowupEvalID,
          RescheduleTracker: event.data.RescheduleTracker,
        },
        server: true,
      };
    default:
      return assertNever(event);
  }
}

function evolveAllocation(row: AllocationRow | null, event: Handled): AllocationRow | null {
  if (event.type === 'AllocationPlaced')
    return row ?? placed(event.data.allocation, event.logIndex);
  if (row === null) return null;
  const index = event.logIndex;
  const { fields, server, jobVersion } = changes(event);
  const allocation: NomadAllocation = {
    ...row.allocation,
    ...fields,
    ModifyIndex: index,
    AllocModifyIndex: server ? index : row.allocation.AllocModifyIndex,
    ModifyTime: event.data.ModifyTime,
  };
  return {
    ...row,
    evalId: allocation.EvalID,
    clientStatus: allocation.ClientStatus,
    desiredStatus: allocation.DesiredStatus,
    jobVersion: jobVersion ?? row.jobVersion,
    modifyIndex: index,
    allocation,
  };
}

/** `rm_allocations`: one row per allocation, Nomad's Allocation JSON. */
export const allocationsProjection: Projection<AllocationRow> = {
  name: 'allocations',
  table: 'rm_allocations',
  handles: ALLOCATION_EVENT_TYPES,
  key: (event) => (isHandled(event) ? { id: idOf(event) } : null),
  evolve: (row, event) => (isHandled(event) ? evolveAllocation(row, event) : row),
};
