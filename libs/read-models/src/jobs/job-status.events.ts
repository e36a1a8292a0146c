import type { RecordedEvent } from '@caravan/event-store';
import {
  ALLOCATION_EVENT_TYPES,
  isClientTerminal,
  type AllocationEvent,
} from '@caravan/domain/allocations';
import {
  EVALUATION_LIFECYCLE_EVENT_TYPES,
  type EvaluationLifecycleEvent,
} from '@caravan/domain/evaluations';
import type { JobStatusInputs } from '@caravan/domain/jobs';
import { assertNever } from '@caravan/domain/shared';
import type { Recorded } from './job-events';

// The allocation and scheduler evaluation events a job's status depends on (Nomad's
// getJobStatus, nomad-api-semantics.md §6). Their data names only the allocation or
// evaluation; the job is the stream's partition key, `<namespace>/<job id>`.

export type RecordedStatusEvent = Recorded<AllocationEvent> | Recorded<EvaluationLifecycleEvent>;

export const STATUS_EVENT_TYPES: readonly string[] = [
  ...ALLOCATION_EVENT_TYPES,
  ...EVALUATION_LIFECYCLE_EVENT_TYPES,
];

export const isStatusEvent = (event: RecordedEvent): event is RecordedStatusEvent =>
  STATUS_EVENT_TYPES.includes(event.type);

/** The job a stream's partition key names: namespaces hold no `/`, job ids may. */
export function jobOfPartition(event: RecordedEvent): { namespace: string; id: string } {
  const slash = event.partitionKey.indexOf('/');
  return { namespace: event.partitionKey.slice(0, slash), id: event.partitionKey.slice(slash + 1) };
}

export interface StatusTrack {
  inputs: JobStatusInputs;
  /** allocations that still count as non-terminal (desired run, client not terminal) */
  liveAllocs: readonly string[];
}

const shift = (inputs: JobStatusInputs, change: Partial<JobStatusInputs>): JobStatusInputs => ({
  nonTerminalEvals: inputs.nonTerminalEvals + (change.nonTerminalEvals ?? 0),
  terminalEvals: inputs.terminalEvals + (change.terminalEvals ?? 0),
  nonTerminalAllocs: inputs.nonTerminalAllocs + (change.nonTerminalAllocs ?? 0),
  nonTerminalDeployments: inputs.nonTerminalDeployments + (change.nonTerminalDeployments ?? 0),
});

function withoutAlloc(track: StatusTrack, id: string): StatusTrack {
  if (!track.liveAllocs.includes(id)) return track;
  return {
    inputs: shift(track.inputs, { nonTerminalAllocs: -1 }),
    liveAllocs: track.liveAllocs.filter((a) => a !== id),
  };
}

/** The status inputs after the event; the same object when nothing it counts changed. */
export function trackStatus(track: StatusTrack, event: RecordedStatusEvent): StatusTrack {
  switch (event.type) {
    case 'AllocationPlaced': {
      const id = event.data.allocation.ID;
      if (track.liveAllocs.includes(id)) return track;
      return {
        inputs: shift(track.inputs, { nonTerminalAllocs: 1 }),
        liveAllocs: [...track.liveAllocs, id],
      };
    }
    case 'AllocationStopRequested':
      return withoutAlloc(track, event.data.ID);
    case 'AllocationClientStatusUpdated':
      return isClientTerminal(event.data.ClientStatus) ? withoutAlloc(track, event.data.ID) : track;
    case 'AllocationUpdatedInPlace':
    case 'AllocationReplaced':
    case 'AllocationRescheduleDeferred':
    case 'AllocationMigrateRequested':
    case 'EvaluationBlocked':
    case 'EvaluationUnblocked':
      return track;
    case 'EvaluationFollowUpCreated':
      return { ...track, inputs: shift(track.inputs, { nonTerminalEvals: 1 }) };
    case 'EvaluationCompleted':
    case 'EvaluationFailed':
    case 'EvaluationCanceled':
      return {
        ...track,
        inputs: shift(track.inputs, { nonTerminalEvals: -1, terminalEvals: 1 }),
      };
    default:
      return assertNever(event);
  }
}
