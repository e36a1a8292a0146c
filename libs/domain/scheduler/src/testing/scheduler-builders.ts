import { canonicalizeJob } from '@caravan/domain/jobs';
import type { Job, JobInput, TaskGroup } from '@caravan/nomad-api';
import type { SchedulerAllocation } from '../model/allocation';
import type { EvaluationInput } from '../model/evaluation';
import type { SchedulerNode } from '../model/node';
import type { Plan } from '../model/plan';
import { computedNodeClass } from '../model/computed-class';
import { inMemorySnapshot } from '../model/snapshot';
import { schedule } from '../schedule';
import { allocName } from '../reconcile/names';

// Builders for scheduler tests and benchmarks (exported for the worker's tests too).

export const NOW = Date.UTC(2026, 0, 1); // fixed clock for tests

export function aNode(i: number, overrides: Partial<SchedulerNode> = {}): SchedulerNode {
  const node: SchedulerNode = {
    id: `node-${String(i).padStart(4, '0')}`,
    name: `n${i}`,
    datacenter: 'dc1',
    nodePool: 'default',
    nodeClass: '',
    status: 'ready',
    eligibility: 'eligible',
    drain: false,
    attributes: { 'kernel.name': 'linux', 'driver.docker': '1', 'driver.exec': '1' },
    meta: {},
    resources: { cpuMhz: 4000, memoryMb: 8192, diskMb: 100_000 },
    reserved: { cpuMhz: 0, memoryMb: 0, diskMb: 0, ports: [] },
    dynamicPorts: { min: 20000, max: 32000 },
    computedClass: '',
    ...overrides,
  };
  return overrides.computedClass !== undefined
    ? node
    : { ...node, computedClass: computedNodeClass(node) };
}

export interface JobShape {
  id?: string;
  type?: string;
  count?: number;
  cpu?: number;
  memory?: number;
  groups?: number;
  extra?: JobInput;
  group?: Partial<TaskGroup> | Record<string, unknown>;
}

/** A canonical job (Nomad's defaults filled) with one task per group. */
export function aJob(shape: JobShape = {}, jobModifyIndex = 10, version = 0): Job {
  const id = shape.id ?? 'web';
  const groups = Array.from({ length: shape.groups ?? 1 }, (_, g) => ({
    Name: g === 0 ? 'web' : `web${g}`,
    Count: shape.count ?? 3,
    Tasks: [
      {
        Name: 'app',
        Driver: 'docker',
        Config: { image: 'nginx' },
        Resources: { CPU: shape.cpu ?? 500, MemoryMB: shape.memory ?? 256 },
      },
    ],
    ...shape.group,
  }));
  const job = canonicalizeJob(
    {
      ID: id,
      Type: shape.type ?? 'service',
      Datacenters: ['dc1'],
      TaskGroups: groups,
      ...shape.extra,
    },
    { region: 'global' },
  );
  return {
    ...job,
    JobModifyIndex: jobModifyIndex,
    ModifyIndex: jobModifyIndex,
    CreateIndex: 1,
    Version: version,
  };
}

export function anAlloc(
  job: Job,
  index: number,
  node: SchedulerNode,
  overrides: Partial<SchedulerAllocation> = {},
): SchedulerAllocation {
  const group = job.TaskGroups?.[0];
  const task = group?.Tasks?.[0];
  const cpu = task?.Resources?.CPU ?? 100;
  const mem = task?.Resources?.MemoryMB ?? 300;
  const name = allocName(job.ID, group?.Name ?? 'web', index);
  return {
    id: `alloc-${name}-${node.id}`,
    namespace: job.Namespace,
    evalId: 'eval-0',
    name,
    jobId: job.ID,
    job,
    taskGroup: group?.Name ?? 'web',
    nodeId: node.id,
    nodeName: node.name,
    desiredStatus: 'run',
    desiredDescription: '',
    desiredTransition: {},
    clientStatus: 'running',
    resources: {
      cpuMhz: cpu,
      memoryMb: mem,
      diskMb: 300,
      ports: [],
      tasks: { app: { cpuMhz: cpu, memoryMb: mem } },
    },
    rescheduleTracker: null,
    previousAllocation: '',
    nextAllocation: '',
    followupEvalId: '',
    deploymentId: '',
    createTime: NOW - 60_000,
    modifyTime: NOW - 60_000,
    finishedAt: 0,
    ...overrides,
  };
}

export function anEval(job: Job, overrides: Partial<EvaluationInput> = {}): EvaluationInput {
  return {
    id: 'eval-1',
    namespace: job.Namespace,
    jobId: job.ID,
    type: job.Type,
    triggeredBy: 'job-register',
    priority: job.Priority,
    jobModifyIndex: job.JobModifyIndex,
    status: 'pending',
    ...overrides,
  };
}

export interface World {
  nodes: SchedulerNode[];
  jobs: Job[];
  allocs?: SchedulerAllocation[];
}

/** Schedules `evaluation` (default: register of the first job) against the world. */
export function run(world: World, evaluation?: EvaluationInput, seed = 42, now = NOW): Plan {
  const job = world.jobs[0];
  if (!job && !evaluation) throw new Error('run() needs a job or an evaluation');
  const snapshot = inMemorySnapshot({
    index: 100,
    nodes: world.nodes,
    allocations: world.allocs ?? [],
    jobs: world.jobs,
  });
  return schedule(snapshot, evaluation ?? anEval(job as Job), { now, seed });
}

export function nodes(n: number, overrides: Partial<SchedulerNode> = {}): SchedulerNode[] {
  return Array.from({ length: n }, (_, i) => aNode(i, overrides));
}
