import type { NewAllocation } from '@caravan/domain/allocations';
import type { FollowUpEvaluation } from '@caravan/domain/evaluations';
import type { CreatedEvaluation, Placement, Plan } from '@caravan/domain/scheduler';
import type {
  EvaluationView,
  NodeCapacity,
  PlanCommit,
  PlannedDeferral,
  SchedulingSnapshot,
} from '@caravan/scheduling';
import { hostIp } from '../adapt/node.adapter';
import { msToNanos } from '../adapt/time';
import { evaluationCancels } from './evaluation-cancels';
import { orNull, wireMetric, wireMetrics, wireResources, wireTracker } from './wire.translate';

// The pure scheduler's Plan → the PlanCommit the plan applier writes: full allocations with
// their names, resources, ports, metrics and explanation; stops; in-place updates; deferred
// reschedules; the blocked and follow-up evaluations; cancels; and the evaluation's outcome in
// Nomad's fields. Pure: the same snapshot, plan and inputs give the same commit (replay).

export interface CommitInputs {
  snap: SchedulingSnapshot;
  evaluation: EvaluationView;
  seed: number;
  nowMs: number;
  deliveryAttempt: number;
}

export function toPlanCommit(plan: Plan, inputs: CommitInputs): PlanCommit {
  const { snap, evaluation: ev } = inputs;
  const now = msToNanos(inputs.nowMs);
  const created = [...(plan.blockedEval ? [plan.blockedEval] : []), ...plan.followUpEvals];
  const outcome = plan.evaluation;
  return {
    evaluation: {
      ID: ev.id,
      Namespace: ev.namespace,
      JobID: ev.jobId,
      expectedVersion: ev.version,
      status: ev.status === 'blocked' ? 'blocked' : 'pending',
    },
    snapshotIndex: snap.index,
    seed: String(inputs.seed),
    now,
    correlationId: ev.id,
    nodes: capacities(snap, [
      ...plan.placements.map((p) => p.nodeId),
      ...plan.inPlaceUpdates.map((u) => u.nodeId),
    ]),
    placements: plan.placements.map((p) => newAllocation(p, inputs, now)),
    stops: plan.stops.map((s) => ({
      allocId: s.allocId,
      nodeId: s.nodeId,
      desiredStatus: 'stop',
      description: s.desiredDescription,
      clientStatus: s.clientStatus,
      preemptedBy: '',
    })),
    inPlaceUpdates: plan.inPlaceUpdates.map((u) => {
      const current = snap.allocation(u.allocId)!;
      const group = snap
        .job(ev.namespace, ev.jobId)
        ?.job.TaskGroups?.find((g) => g.Name === current.allocation.TaskGroup);
      return {
        allocId: u.allocId,
        nodeId: u.nodeId,
        expectedVersion: current.version,
        name: current.allocation.Name,
        jobVersion: u.jobVersion,
        resources: wireResources(u.resources, group, hostIp(snap.node(u.nodeId))),
        deploymentId: current.allocation.DeploymentID,
      };
    }),
    releases: [],
    deferredReschedules: plan.attributeUpdates.map((u): PlannedDeferral => {
      const current = snap.allocation(u.allocId)?.allocation;
      const tracker = current?.RescheduleTracker ?? null;
      return {
        allocId: u.allocId,
        followupEvalId: u.followupEvalId ?? current?.FollowupEvalID ?? '',
        tracker:
          u.lastReschedule === undefined
            ? tracker
            : { Events: tracker?.Events ?? [], LastReschedule: u.lastReschedule },
      };
    }),
    outcome: {
      status: outcome.status,
      fields: {
        StatusDescription: outcome.statusDescription,
        QueuedAllocations: outcome.queuedAllocations,
        FailedTGAllocs: wireMetrics(outcome.failedTGAllocs),
        SnapshotIndex: outcome.snapshotIndex,
        NextEval: outcome.nextEval,
        BlockedEval: outcome.blockedEval,
        ClassEligibility: orNull(outcome.classEligibility),
        EscapedComputedClass: outcome.escapedComputedClass,
        DeploymentID: '',
        DeliveryAttempt: inputs.deliveryAttempt,
        ModifyTime: now,
      },
    },
    createEvaluations: created.map((c) => followUp(c, snap.index, now)),
    cancelEvaluations: evaluationCancels(snap, ev, plan),
  };
}

function newAllocation(p: Placement, inputs: CommitInputs, now: bigint): NewAllocation {
  const { snap } = inputs;
  const group = snap.job(p.namespace, p.jobId)?.job.TaskGroups?.find((g) => g.Name === p.taskGroup);
  return {
    ID: p.id,
    Namespace: p.namespace,
    EvalID: p.evalId,
    Name: p.name,
    NodeID: p.nodeId,
    NodeName: p.nodeName,
    JobID: p.jobId,
    JobVersion: p.jobVersion,
    TaskGroup: p.taskGroup,
    AllocatedResources: wireResources(p.resources, group, hostIp(snap.node(p.nodeId))),
    DesiredStatus: 'run',
    DesiredDescription: '',
    ClientStatus: 'pending',
    ClientDescription: '',
    Metrics: wireMetric(p.metrics),
    PreviousAllocation: p.previousAllocation,
    RescheduleTracker: wireTracker(p.rescheduleTracker),
    DeploymentID: p.deploymentId,
    CreateTime: now,
    ModifyTime: now,
    Explanation: {
      SnapshotIndex: snap.index,
      Seed: String(inputs.seed),
      Candidates: p.metrics.ScoreMetaData ?? [],
    },
  };
}

function followUp(c: CreatedEvaluation, snapshotIndex: number, now: bigint): FollowUpEvaluation {
  return {
    ID: c.id,
    Namespace: c.namespace,
    Priority: c.priority,
    Type: c.type,
    TriggeredBy: c.triggeredBy,
    JobID: c.jobId,
    JobModifyIndex: c.jobModifyIndex,
    Status: c.status,
    StatusDescription: c.statusDescription,
    PreviousEval: c.previousEval,
    WaitUntil: c.waitUntil === null ? null : msToNanos(c.waitUntil),
    Wait: 0,
    FailedTGAllocs: c.failedTGAllocs === null ? null : wireMetrics(c.failedTGAllocs),
    ClassEligibility: c.classEligibility === null ? null : orNull(c.classEligibility),
    EscapedComputedClass: c.escapedComputedClass,
    SnapshotIndex: snapshotIndex,
    CreateTime: now,
    ModifyTime: now,
  };
}

function capacities(snap: SchedulingSnapshot, nodeIds: string[]): NodeCapacity[] {
  return [...new Set(nodeIds)].sort().flatMap((id) => {
    const n = snap.node(id);
    if (n === undefined) return [];
    return [
      {
        nodeId: id,
        cpuShares: n.capacity.cpu,
        memoryMB: n.capacity.mem,
        diskMB: n.capacity.disk,
        sourceIndex: n.capacityIndex,
      },
    ];
  });
}
