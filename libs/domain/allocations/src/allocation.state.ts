import { assertNever } from '@caravan/domain/shared';
import type { AllocationEvent } from './allocation.events';
import type { ClientStatus, DesiredStatus } from './allocation.types';

// Only what `decide` needs: the lifecycle phase and the fields that make commands idempotent.

export type AllocationState =
  | { phase: 'absent' }
  | {
      phase: 'placed';
      id: string;
      desiredStatus: DesiredStatus;
      clientStatus: ClientStatus;
      jobVersion: number;
      nextAllocation: string;
      followupEvalId: string;
      /** DesiredTransition.Migrate was set */
      migrate: boolean;
      /** the last reported task states, serialized: an identical report changes nothing */
      taskStatesKey: string;
    };

/**
 * Task states as a comparable string. Their times are int64 nanoseconds, which arrive as
 * bigint beyond 2^53, and plain JSON.stringify throws on a bigint.
 */
export function taskStatesKey(states: Record<string, unknown>): string {
  return JSON.stringify(states, (_key, value: unknown) =>
    typeof value === 'bigint' ? value.toString() : value,
  );
}

export const initialAllocationState = (): AllocationState => ({ phase: 'absent' });

export function evolveAllocation(state: AllocationState, event: AllocationEvent): AllocationState {
  if (event.type === 'AllocationPlaced') {
    const a = event.data.allocation;
    return {
      phase: 'placed',
      id: a.ID,
      desiredStatus: a.DesiredStatus,
      clientStatus: a.ClientStatus,
      jobVersion: a.JobVersion,
      nextAllocation: '',
      followupEvalId: '',
      migrate: false,
      taskStatesKey: '{}',
    };
  }
  // Events of a stream that was never placed cannot occur; evolve never throws, so keep state.
  if (state.phase === 'absent') return state;
  switch (event.type) {
    case 'AllocationStopRequested':
      return {
        ...state,
        desiredStatus: event.data.DesiredStatus,
        clientStatus: event.data.ClientStatus ?? state.clientStatus,
      };
    case 'AllocationUpdatedInPlace':
      return { ...state, jobVersion: event.data.JobVersion };
    case 'AllocationClientStatusUpdated':
      return {
        ...state,
        clientStatus: event.data.ClientStatus,
        taskStatesKey: taskStatesKey(event.data.TaskStates),
      };
    case 'AllocationReplaced':
      return { ...state, nextAllocation: event.data.NextAllocation };
    case 'AllocationRescheduleDeferred':
      return { ...state, followupEvalId: event.data.FollowupEvalID };
    case 'AllocationMigrateRequested':
      return { ...state, migrate: true };
    default:
      return assertNever(event);
  }
}
