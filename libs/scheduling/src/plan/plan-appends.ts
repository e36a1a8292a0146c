import {
  allocationStream,
  decideAllocation,
  initialAllocationState,
  type AllocationEvent,
} from '@caravan/domain/allocations';
import {
  decideEvaluation,
  evaluationStream,
  type EvaluationCommand,
  type EvaluationLifecycleEvent,
} from '@caravan/domain/evaluations';
import { assertNever } from '@caravan/domain/shared';
import type { PlanCommit, PlanOutcome } from './plan-commit.types';

// A plan as the stream appends that record it, in log order: allocations first (placements,
// their predecessors' NextAllocation, in-place updates, stops, deferrals), then the evaluations
// the plan creates, then the cancels, and last the evaluation's own outcome, so a consumer that
// sees the outcome finds the BlockedEval / NextEval it names already in the log. Pure.

type PlanEvent = AllocationEvent | EvaluationLifecycleEvent;

export interface PlanAppend {
  stream: { id: string; category: string; partitionKey: string };
  expectedVersion: number | 'no_stream' | 'stream_exists';
  events: PlanEvent[];
}

export function planAppends(plan: PlanCommit): PlanAppend[] {
  const { Namespace: ns, JobID: job } = plan.evaluation;
  const alloc = (id: string) => allocationStream(id, ns, job);
  const appends: PlanAppend[] = [];

  for (const allocation of plan.placements) {
    const events = decideAllocation(
      { type: 'PlaceAllocation', allocation },
      initialAllocationState(),
    );
    appends.push({ stream: alloc(allocation.ID), expectedVersion: 'no_stream', events });
    if (allocation.PreviousAllocation !== '')
      appends.push({
        stream: alloc(allocation.PreviousAllocation),
        expectedVersion: 'stream_exists',
        events: [
          {
            type: 'AllocationReplaced',
            schemaVersion: 1,
            data: {
              ID: allocation.PreviousAllocation,
              NextAllocation: allocation.ID,
              ModifyTime: plan.now,
            },
          },
        ],
      });
  }
  for (const u of plan.inPlaceUpdates)
    appends.push({
      stream: alloc(u.allocId),
      expectedVersion: u.expectedVersion,
      events: [
        {
          type: 'AllocationUpdatedInPlace',
          schemaVersion: 1,
          data: {
            ID: u.allocId,
            EvalID: plan.evaluation.ID,
            JobVersion: u.jobVersion,
            AllocatedResources: u.resources,
            DeploymentID: u.deploymentId,
            ModifyTime: plan.now,
          },
        },
      ],
    });
  // Stops do not race client updates (Nomad's applier accepts stops on any node): the
  // evaluation's expected version is what makes a repeated plan impossible.
  for (const s of plan.stops)
    appends.push({
      stream: alloc(s.allocId),
      expectedVersion: 'stream_exists',
      events: [
        {
          type: 'AllocationStopRequested',
          schemaVersion: 1,
          data: {
            ID: s.allocId,
            EvalID: plan.evaluation.ID,
            DesiredStatus: s.desiredStatus,
            DesiredDescription: s.description,
            ClientStatus: s.clientStatus,
            PreemptedByAllocation: s.preemptedBy,
            ModifyTime: plan.now,
          },
        },
      ],
    });
  for (const d of plan.deferredReschedules)
    appends.push({
      stream: alloc(d.allocId),
      expectedVersion: 'stream_exists',
      events: [
        {
          type: 'AllocationRescheduleDeferred',
          schemaVersion: 1,
          data: {
            ID: d.allocId,
            FollowupEvalID: d.followupEvalId,
            RescheduleTracker: d.tracker,
            ModifyTime: plan.now,
          },
        },
      ],
    });
  for (const evaluation of plan.createEvaluations)
    appends.push({
      stream: evaluationStream(evaluation.ID, evaluation.Namespace, evaluation.JobID),
      expectedVersion: 'no_stream',
      events: decideEvaluation(
        { type: 'CreateFollowUpEvaluation', evaluation },
        { phase: 'absent' },
      ),
    });
  for (const c of plan.cancelEvaluations)
    appends.push({
      stream: evaluationStream(c.evaluationId, ns, job),
      expectedVersion: c.expectedVersion ?? 'stream_exists',
      events: [
        {
          type: 'EvaluationCanceled',
          schemaVersion: 1,
          data: {
            ID: c.evaluationId,
            Status: 'canceled',
            StatusDescription: c.description,
            ModifyTime: plan.now,
          },
        },
      ],
    });
  // The evaluation's state is what the scheduler saw at expectedVersion; the append's version
  // check makes that the truth or refuses the whole plan.
  const { ID, status } = plan.evaluation;
  appends.push({
    stream: evaluationStream(ID, ns, job),
    expectedVersion: plan.evaluation.expectedVersion,
    events: decideEvaluation(outcomeCommand(ID, plan.outcome), {
      phase: 'open',
      id: ID,
      status,
      unblocked: false,
    }),
  });
  return appends;
}

function outcomeCommand(id: string, outcome: PlanOutcome): EvaluationCommand {
  switch (outcome.status) {
    case 'complete':
      return { type: 'CompleteEvaluation', id, outcome: outcome.fields };
    case 'failed':
      return { type: 'FailEvaluation', id, outcome: outcome.fields };
    case 'blocked':
      return { type: 'BlockEvaluation', id, outcome: outcome.fields };
    default:
      return assertNever(outcome);
  }
}
