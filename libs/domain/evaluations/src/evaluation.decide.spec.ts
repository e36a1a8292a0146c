import {
  evaluationDecider,
  type EvaluationCommand,
  type EvaluationStreamEvent,
} from './evaluation.decide';
import type { EvaluationOutcome, FollowUpEvaluation } from './evaluation-lifecycle.events';
import { EVALUATION_DESCRIPTIONS } from './evaluation-lifecycle.events';

function given(...events: EvaluationStreamEvent[]) {
  const state = events.reduce(
    (s, e, k) => evaluationDecider.evolve(s, e, k + 1),
    evaluationDecider.initialState(),
  );
  return {
    when: (command: EvaluationCommand) => ({
      then: (expected: EvaluationStreamEvent[]) =>
        expect(evaluationDecider.decide(command, state)).toEqual(expected),
      thenRefuses: (code: string) =>
        expect(() => evaluationDecider.decide(command, state)).toThrow(
          expect.objectContaining({ code }) as Error,
        ),
    }),
  };
}

const created: EvaluationStreamEvent = {
  type: 'EvaluationCreated',
  schemaVersion: 1,
  data: {
    evaluation: {
      ID: 'e1',
      Namespace: 'default',
      Priority: 50,
      Type: 'service',
      TriggeredBy: 'job-register',
      JobID: 'web',
      Status: 'pending',
      CreateTime: 1,
      ModifyTime: 1,
    },
    jobModifyIndex: 'preceding-event',
  },
};
const outcome: EvaluationOutcome = {
  StatusDescription: '',
  QueuedAllocations: { g: 0 },
  FailedTGAllocs: null,
  SnapshotIndex: 4,
  NextEval: '',
  BlockedEval: '',
  ClassEligibility: null,
  EscapedComputedClass: false,
  DeploymentID: '',
  DeliveryAttempt: 1,
  ModifyTime: 2,
};
const blocked: FollowUpEvaluation = {
  ID: 'e2',
  Namespace: 'default',
  Priority: 50,
  Type: 'service',
  TriggeredBy: 'queued-allocs',
  JobID: 'web',
  JobModifyIndex: 3,
  Status: 'blocked',
  StatusDescription: EVALUATION_DESCRIPTIONS.blockedForPlacement,
  PreviousEval: 'e1',
  WaitUntil: null,
  Wait: 0,
  FailedTGAllocs: null,
  ClassEligibility: { 'v1:1': false },
  EscapedComputedClass: false,
  SnapshotIndex: 4,
  CreateTime: 2,
  ModifyTime: 2,
};
const blockedCreated: EvaluationStreamEvent = {
  type: 'EvaluationFollowUpCreated',
  schemaVersion: 1,
  data: { evaluation: blocked },
};
const complete = (id = 'e1'): EvaluationCommand => ({ type: 'CompleteEvaluation', id, outcome });
const completed = (id = 'e1'): EvaluationStreamEvent => ({
  type: 'EvaluationCompleted',
  schemaVersion: 1,
  data: { ...outcome, ID: id, Status: 'complete' },
});

describe('evaluation decider', () => {
  it('completes a pending evaluation with Nomad’s outcome fields', () => {
    given(created).when(complete()).then([completed()]);
  });

  it('fails a pending evaluation', () => {
    const failed = { ...outcome, StatusDescription: EVALUATION_DESCRIPTIONS.maxAttempts(5) };
    given(created)
      .when({ type: 'FailEvaluation', id: 'e1', outcome: failed })
      .then([
        {
          type: 'EvaluationFailed',
          schemaVersion: 1,
          data: { ...failed, ID: 'e1', Status: 'failed' },
        },
      ]);
  });

  it('decides nothing once terminal: a redelivered outcome is a repeat', () => {
    given(created, completed()).when(complete()).then([]);
    given(created, completed())
      .when({ type: 'CancelEvaluation', id: 'e1', description: 'x', now: 3 })
      .then([]);
  });

  it('cancels a pending evaluation superseded in the broker', () => {
    const description = EVALUATION_DESCRIPTIONS.supersededInBroker;
    given(created)
      .when({ type: 'CancelEvaluation', id: 'e1', description, now: 3 })
      .then([
        {
          type: 'EvaluationCanceled',
          schemaVersion: 1,
          data: { ID: 'e1', Status: 'canceled', StatusDescription: description, ModifyTime: 3 },
        },
      ]);
  });

  it('creates a blocked follow-up once', () => {
    given().when({ type: 'CreateFollowUpEvaluation', evaluation: blocked }).then([blockedCreated]);
    given(blockedCreated)
      .when({ type: 'CreateFollowUpEvaluation', evaluation: blocked })
      .thenRefuses('EVALUATION_EXISTS');
  });

  it('reblocks only a blocked evaluation, as Eval.Reblock', () => {
    const reblock: EvaluationCommand = { type: 'BlockEvaluation', id: 'e2', outcome };
    given(blockedCreated)
      .when(reblock)
      .then([
        {
          type: 'EvaluationBlocked',
          schemaVersion: 1,
          data: { ...outcome, ID: 'e2', Status: 'blocked' },
        },
      ]);
    given(created)
      .when({ ...reblock, id: 'e1' })
      .thenRefuses('EVALUATION_NOT_BLOCKED');
  });

  it('unblocks a blocked evaluation once until it is processed, status staying blocked', () => {
    const unblock: EvaluationCommand = {
      type: 'UnblockEvaluation',
      id: 'e2',
      atIndex: 9,
      reason: 'node-update',
      now: 4,
    };
    const unblocked: EvaluationStreamEvent = {
      type: 'EvaluationUnblocked',
      schemaVersion: 1,
      data: { ID: 'e2', UnblockedAtIndex: 9, Reason: 'node-update', ModifyTime: 4 },
    };
    given(blockedCreated).when(unblock).then([unblocked]);
    given(blockedCreated, unblocked).when(unblock).then([]);
    const reblocked: EvaluationStreamEvent = {
      type: 'EvaluationBlocked',
      schemaVersion: 1,
      data: { ...outcome, ID: 'e2', Status: 'blocked' },
    };
    given(blockedCreated, unblocked, reblocked).when(unblock).then([unblocked]);
    given(created)
      .when({ ...unblock, id: 'e1' })
      .then([]);
  });

  it('completes a blocked evaluation that now places everything', () => {
    given(blockedCreated)
      .when(complete('e2'))
      .then([completed('e2')]);
  });

  it('refuses outcomes for an unknown evaluation', () => {
    given().when(complete()).thenRefuses('EVALUATION_NOT_FOUND');
  });
});
