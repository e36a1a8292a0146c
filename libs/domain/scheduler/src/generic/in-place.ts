import type { Job, TaskGroup } from '@caravan/nomad-api';
import { inJobDatacenters, inJobPool } from '../feasible/candidates';
import { terminal, type AllocatedResources, type SchedulerAllocation } from '../model/allocation';
import { rankNode } from '../rank/select';
import type { UpdateDecision } from '../reconcile/reconcile.types';
import { tasksUpdated } from '../reconcile/tasks-updated';
import type { SchedulerEnv } from '../scheduler-env';

// Nomad's genericAllocUpdateFn: an allocation of an older job version is left alone, replaced
// (destructive) or updated in place on its node, in that order of checks.

const NO_PENALTY: ReadonlySet<string> = new Set();

export function updateDecision(
  env: SchedulerEnv,
  alloc: SchedulerAllocation,
  job: Job,
  group: TaskGroup,
): UpdateDecision {
  if (alloc.job.JobModifyIndex === job.JobModifyIndex) return { kind: 'ignore' };
  const oldGroup = (alloc.job.TaskGroups ?? []).find((g) => g.Name === alloc.taskGroup);
  if (!oldGroup || tasksUpdated(alloc.job, oldGroup, job, group) !== null) {
    return { kind: 'destructive' };
  }
  if (terminal(alloc)) return { kind: 'ignore' };
  const node = env.snapshot.node(alloc.nodeId);
  if (!node || !inJobPool(job, node) || !inJobDatacenters(job, node)) {
    return { kind: 'destructive' };
  }
  // Stage a stop of the allocation so its own resources and ports are free, then see whether
  // the new version fits on the same node (feasibility included).
  env.ctx.stop(alloc);
  const option = rankNode(env, env.ranker(group), node, NO_PENALTY, env.baseMetric());
  env.ctx.unstop(alloc);
  if (!option) return { kind: 'destructive' };
  const ask = env.ranker(group).ask;
  const resources: AllocatedResources = {
    cpuMhz: ask.cpuMhz,
    memoryMb: ask.memoryMb,
    diskMb: ask.diskMb,
    tasks: ask.tasks,
    // An in-place update keeps the allocation's network: same ports.
    ports: alloc.resources.ports,
  };
  env.ctx.replace(node, alloc, resources);
  return { kind: 'inplace', resources };
}
