import type { NomadAllocation, NomadAllocListStub } from '@caravan/read-models';

/** Nomad's Allocation.Stub(): the list form, with the job's type and the version it runs. */
export function toAllocStub(
  a: NomadAllocation,
  jobType: string,
  jobVersion: number,
  withResources: boolean,
): NomadAllocListStub {
  return {
    ID: a.ID,
    EvalID: a.EvalID,
    Name: a.Name,
    Namespace: a.Namespace,
    NodeID: a.NodeID,
    NodeName: a.NodeName,
    JobID: a.JobID,
    JobType: jobType,
    JobVersion: jobVersion,
    TaskGroup: a.TaskGroup,
    ...(withResources ? { AllocatedResources: a.AllocatedResources } : {}),
    DesiredStatus: a.DesiredStatus,
    DesiredDescription: a.DesiredDescription,
    ClientStatus: a.ClientStatus,
    ClientDescription: a.ClientDescription,
    DesiredTransition: a.DesiredTransition,
    TaskStates: a.TaskStates,
    DeploymentStatus: a.DeploymentStatus,
    FollowupEvalID: a.FollowupEvalID,
    NextAllocation: a.NextAllocation,
    RescheduleTracker: a.RescheduleTracker,
    PreemptedAllocations: a.PreemptedAllocations,
    PreemptedByAllocation: a.PreemptedByAllocation,
    CreateIndex: a.CreateIndex,
    ModifyIndex: a.ModifyIndex,
    CreateTime: a.CreateTime,
    ModifyTime: a.ModifyTime,
  };
}
