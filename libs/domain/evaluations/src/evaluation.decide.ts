import { assertNever, DomainError, type Decider } from '@caravan/domain/shared';
import type { Nanos } from '@caravan/nomad-api';
import type { EvaluationCreated, EvaluationStatus } from './evaluation.events';
import type {
  EvaluationLifecycleEvent,
  EvaluationOutcome,
  FollowUpEvaluation,
} from './evaluation-lifecycle.events';

// An evaluation's lifecycle as Nomad has it. `pending` and `blocked` are open; `complete`,
// `failed` and `canceled` are terminal. A pending evaluation never becomes blocked itself: the
// scheduler completes it and creates a new blocked one (BlockedEval). Only a blocked evaluation
// is blocked again (`Eval.Reblock`, same ID). Unblocking keeps the status `blocked` until the
// scheduler processes it. Outcomes for a terminal evaluation decide nothing: deliveries repeat.

export type EvaluationCommand =
  | { type: 'CreateFollowUpEvaluation'; evaluation: FollowUpEvaluation }
  | { type: 'CompleteEvaluation'; id: string; outcome: EvaluationOutcome }
  | { type: 'FailEvaluation'; id: string; outcome: EvaluationOutcome }
  | { type: 'BlockEvaluation'; id: string; outcome: EvaluationOutcome }
  | { type: 'CancelEvaluation'; id: string; description: string; now: Nanos }
  | { type: 'UnblockEvaluation'; id: string; atIndex: number; reason: string; now: Nanos };

export type EvaluationState =
  | { phase: 'absent' }
  | { phase: 'open'; id: string; status: 'pending' | 'blocked'; unblocked: boolean }
  | { phase: 'terminal'; id: string; status: Exclude<EvaluationStatus, 'pending' | 'blocked'> };

export type EvaluationStreamEvent = EvaluationCreated | EvaluationLifecycleEvent;

export class EvaluationDomainError extends DomainError {
  constructor(
    override readonly code: 'EVALUATION_NOT_FOUND' | 'EVALUATION_EXISTS' | 'EVALUATION_NOT_BLOCKED',
    readonly evaluationId: string,
  ) {
    super(code, `evaluation ${evaluationId}: ${code.toLowerCase().replace(/_/g, ' ')}`);
  }
}

export function decideEvaluation(
  command: EvaluationCommand,
  state: EvaluationState,
): EvaluationLifecycleEvent[] {
  if (command.type === 'CreateFollowUpEvaluation') {
    if (state.phase !== 'absent')
      throw new EvaluationDomainError('EVALUATION_EXISTS', command.evaluation.ID);
    return [
      {
        type: 'EvaluationFollowUpCreated',
        schemaVersion: 1,
        data: { evaluation: command.evaluation },
      },
    ];
  }
  if (state.phase === 'absent') throw new EvaluationDomainError('EVALUATION_NOT_FOUND', command.id);
  if (state.phase === 'terminal') return [];
  const { id } = command;
  switch (command.type) {
    case 'CompleteEvaluation':
      return [
        {
          type: 'EvaluationCompleted',
          schemaVersion: 1,
          data: { ...command.outcome, ID: id, Status: 'complete' },
        },
      ];
    case 'FailEvaluation':
      return [
        {
          type: 'EvaluationFailed',
          schemaVersion: 1,
          data: { ...command.outcome, ID: id, Status: 'failed' },
        },
      ];
    case 'BlockEvaluation':
      if (state.status !== 'blocked') throw new EvaluationDomainError('EVALUATION_NOT_BLOCKED', id);
      return [
        {
          type: 'EvaluationBlocked',
          schemaVersion: 1,
          data: { ...command.outcome, ID: id, Status: 'blocked' },
        },
      ];
    case 'CancelEvaluation':
      return [
        {
          type: 'EvaluationCanceled',
          schemaVersion: 1,
          data: {
            ID: id,
            Status: 'canceled',
            StatusDescription: command.description,
            ModifyTime: command.now,
          },
        },
      ];
    case 'UnblockEvaluation':
      // only a blocked evaluation waits for capacity; a second unblock before it ran is a repeat
      if (state.status !== 'blocked' || state.unblocked) return [];
      return [
        {
          type: 'EvaluationUnblocked',
          schemaVersion: 1,
          data: {
            ID: id,
            UnblockedAtIndex: command.atIndex,
            Reason: command.reason,
            ModifyTime: command.now,
          },
        },
      ];
    default:
      return assertNever(command);
  }
}

export function evolveEvaluation(
  state: EvaluationState,
  event: EvaluationStreamEvent,
): EvaluationState {
  switch (event.type) {
    case 'EvaluationCreated':
      return { phase: 'open', id: event.data.evaluation.ID, status: 'pending', unblocked: false };
    case 'EvaluationFollowUpCreated': {
      const { ID, Status } = event.data.evaluation;
      return { phase: 'open', id: ID, status: Status, unblocked: false };
    }
    case 'EvaluationBlocked':
      return { phase: 'open', id: event.data.ID, status: 'blocked', unblocked: false };
    case 'EvaluationUnblocked':
      return state.phase === 'open' ? { ...state, unblocked: true } : state;
    case 'EvaluationCompleted':
    case 'EvaluationFailed':
    case 'EvaluationCanceled':
      return { phase: 'terminal', id: event.data.ID, status: event.data.Status };
    default:
      return assertNever(event);
  }
}

export const evaluationDecider: Decider<EvaluationCommand, EvaluationStreamEvent, EvaluationState> =
  {
    initialState: () => ({ phase: 'absent' }),
    decide: decideEvaluation,
    evolve: evolveEvaluation,
  };
