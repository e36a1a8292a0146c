import {
  trackerFromWire,
  type AllocatedResources,
  type SchedulerAllocation,
} from '@caravan/domain/scheduler';
import type { Job } from '@caravan/nomad-api';
import type { AllocationView } from '@caravan/scheduling';
import { nanosToMs } from './time';

// An allocation as the state folds it (Nomad's field names, ns times) → the scheduler's
// allocation (camelCase, ms times, the job version it runs).

export function toSchedulerAllocation(view: AllocationView, job: Job): SchedulerAllocation {
  const a = view.allocation;
  return {
    id: a.ID,
    namespace: a.Namespace,
    evalId: a.EvalID,
    name: a.Name,
    jobId: a.JobID,
    job,
    taskGroup: a.TaskGroup,
    nodeId: a.NodeID,
    nodeName: a.NodeName,
    desiredStatus: a.DesiredStatus,
    desiredDescription: a.DesiredDescription,
    desiredTransition: a.DesiredTransition.Migrate ? { migrate: true } : {},
    clientStatus: a.ClientStatus,
    resources: schedulerResources(a.AllocatedResources),
    rescheduleTracker: trackerFromWire(a.RescheduleTracker),
    previousAllocation: a.PreviousAllocation,
    nextAllocation: a.NextAllocation,
    followupEvalId: a.FollowupEvalID,
    deploymentId: a.DeploymentID,
    createTime: nanosToMs(a.CreateTime),
    modifyTime: nanosToMs(a.ModifyTime),
    finishedAt: Math.max(0, ...Object.values(a.TaskStates).map((t) => nanosToMs(t.FinishedAt))),
  };
}

function schedulerResources(
  r: AllocationView['allocation']['AllocatedResources'],
): AllocatedResources {
  const tasks: Record<string, { cpuMhz: number; memoryMb: number }> = {};
  let cpuMhz = 0;
  let memoryMb = 0;
  for (const [name, t] of Object.entries(r.Tasks)) {
    tasks[name] = { cpuMhz: t.Cpu.CpuShares, memoryMb: t.Memory.MemoryMB };
    cpuMhz += t.Cpu.CpuShares;
    memoryMb += t.Memory.MemoryMB;
  }
  const ports = (r.Shared.Ports ?? []).map((p) => ({
    label: p.Label,
    value: p.Value,
    to: p.To,
    hostNetwork: 'default',
  }));
  return { cpuMhz, memoryMb, diskMb: r.Shared.DiskMB, ports, tasks };
}
