import { assertNever, type Decider } from '@caravan/domain/shared';
import type { AllocationCommand } from './allocation.commands';
import { AllocationDomainError } from './allocation.errors';
import type { AllocationEvent } from './allocation.events';
import {
  evolveAllocation,
  initialAllocationState,
  taskStatesKey,
  type AllocationState,
} from './allocation.state';
import { isClientTerminal, isServerTerminal } from './allocation.types';

// Rules of one allocation's life. Repeating a command that already took effect decides
// nothing (plans and client updates are delivered at least once); contradicting history is
// refused with a coded error.

type Placed = Extract<AllocationState, { phase: 'placed' }>;

export function decideAllocation(
  command: AllocationCommand,
  state: AllocationState,
): AllocationEvent[] {
  if (command.type === 'PlaceAllocation') {
    if (state.phase === 'absent')
      return [
        { type: 'AllocationPlaced', schemaVersion: 1, data: { allocation: command.allocation } },
      ];
    if (state.id === command.allocation.ID) return [];
    throw new AllocationDomainError('ALLOCATION_EXISTS', command.allocation.ID);
  }
  if (state.phase === 'absent') throw new AllocationDomainError('ALLOCATION_NOT_FOUND', command.id);
  return decidePlaced(command, state);
}

function decidePlaced(
  command: Exclude<AllocationCommand, { type: 'PlaceAllocation' }>,
  state: Placed,
): AllocationEvent[] {
  switch (command.type) {
    case 'StopAllocation': {
      // evict after stop (or stop after evict) changes nothing the client would do
      if (isServerTerminal(state.desiredStatus)) return [];
      const clientStatus = isClientTerminal(state.clientStatus) ? null : command.clientStatus;
      return [
        {
          type: 'AllocationStopRequested',
          schemaVersion: 1,
          data: {
            ID: command.id,
            EvalID: command.evalId,
            DesiredStatus: command.desiredStatus,
            DesiredDescription: command.description,
            ClientStatus: clientStatus,
            PreemptedByAllocation: command.preemptedBy,
            ModifyTime: command.now,
          },
        },
      ];
    }
    case 'UpdateAllocationInPlace':
      if (isServerTerminal(state.desiredStatus))
        throw new AllocationDomainError('ALLOCATION_TERMINAL', command.id);
      if (state.jobVersion === command.jobVersion) return [];
      return [
        {
          type: 'AllocationUpdatedInPlace',
          schemaVersion: 1,
          data: {
            ID: command.id,
            EvalID: command.evalId,
            JobVersion: command.jobVersion,
            AllocatedResources: command.resources,
            DeploymentID: command.deploymentId,
            ModifyTime: command.now,
          },
        },
      ];
    case 'UpdateAllocationClientStatus': {
      // A client-terminal allocation never runs again: a late or repeated report is ignored.
      if (isClientTerminal(state.clientStatus)) return [];
      const sameReport =
        state.clientStatus === command.clientStatus &&
        state.taskStatesKey === taskStatesKey(command.taskStates);
      if (sameReport) return [];
      return [
        {
          type: 'AllocationClientStatusUpdated',
          schemaVersion: 1,
          data: {
            ID: command.id,
            ClientStatus: command.clientStatus,
            ClientDescription: command.clientDescription,
            TaskStates: command.taskStates,
            ModifyTime: command.now,
          },
        },
      ];
    }
    case 'RequestMigration':
      // Nothing to move once the server stopped it; a repeat changes nothing.
      if (isServerTerminal(state.desiredStatus) || state.migrate) return [];
      return [
        {
          type: 'AllocationMigrateRequested',
          schemaVersion: 1,
          data: { ID: command.id, EvalID: command.evalId, ModifyTime: command.now },
        },
      ];
    case 'RecordReplacement':
      if (state.nextAllocation === command.nextAllocation) return [];
      if (state.nextAllocation !== '')
        throw new AllocationDomainError('ALLOCATION_ALREADY_REPLACED', command.id);
      return [
        {
          type: 'AllocationReplaced',
          schemaVersion: 1,
          data: { ID: command.id, NextAllocation: command.nextAllocation, ModifyTime: command.now },
        },
      ];
    case 'DeferReschedule':
      if (state.followupEvalId === command.followupEvalId) return [];
      return [
        {
          type: 'AllocationRescheduleDeferred',
          schemaVersion: 1,
          data: {
            ID: command.id,
            FollowupEvalID: command.followupEvalId,
            RescheduleTracker: command.tracker,
            ModifyTime: command.now,
          },
        },
      ];
    default:
      return assertNever(command);
  }
}

export const allocationDecider: Decider<AllocationCommand, AllocationEvent, AllocationState> = {
  initialState: initialAllocationState,
  decide: decideAllocation,
  evolve: evolveAllocation,
};
