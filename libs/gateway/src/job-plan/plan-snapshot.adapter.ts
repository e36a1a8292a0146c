// Read-model documents (Nomad's JSON as the gateway serves it) → the pure scheduler's shapes,
// so a plan dry-run sees what GET /v1/nodes and /v1/allocations would show. The worker has
// its own adapters over its in-memory state; the read models carry Nomad's wire JSON instead
// (RFC 3339 task times, node capacity inside NodeResources), hence this separate mapping.
import {
  computedNodeClass,
  nanosToMs,
  trackerFromWire,
  DEFAULT_MAX_DYNAMIC_PORT,
  DEFAULT_MIN_DYNAMIC_PORT,
  type AllocatedResources,
  type NodeStatus,
  type SchedulerAllocation,
  type SchedulerNode,
} from '@caravan/domain/scheduler';
import type { Job } from '@caravan/nomad-api';
import type { NomadAllocation, NomadNodeJson } from '@caravan/read-models';

type Loose = Record<string, unknown> | null | undefined;

const obj = (v: unknown): Record<string, unknown> =>
  v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : {};
const num = (v: unknown): number => (typeof v === 'number' ? v : Number(v ?? 0) || 0);
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strings = (v: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries(obj(v)).map(([k, x]) => [k, str(x)]));

/**
 * Capacity as the plan applier counts it: the node's advertised resources, nothing reserved
 * (simulated nodes reserve nothing), so the dry run and a real run agree on what fits.
 */
export function nodeFromReadModel(doc: NomadNodeJson): SchedulerNode {
  const res = obj(doc.NodeResources);
  const node: SchedulerNode = {
    id: doc.ID,
    name: str(doc.Name),
    datacenter: str(doc.Datacenter),
    nodePool: str(doc.NodePool),
    nodeClass: str(doc.NodeClass),
    status: (str(doc.Status) || 'initializing') as NodeStatus,
    eligibility: doc.SchedulingEligibility === 'ineligible' ? 'ineligible' : 'eligible',
    drain: doc.Drain === true,
    attributes: strings(doc.Attributes),
    meta: strings(doc.Meta),
    resources: {
      cpuMhz: num(obj(res.Cpu).CpuShares),
      memoryMb: num(obj(res.Memory).MemoryMB),
      diskMb: num(obj(res.Disk).DiskMB),
    },
    reserved: { cpuMhz: 0, memoryMb: 0, diskMb: 0, ports: [] },
    dynamicPorts: {
      min: num(res.MinDynamicPort) || DEFAULT_MIN_DYNAMIC_PORT,
      max: num(res.MaxDynamicPort) || DEFAULT_MAX_DYNAMIC_PORT,
    },
    computedClass: '',
  };
  return { ...node, computedClass: computedNodeClass(node) };
}

/** `job` is the version the allocation runs (rm_job_versions), as Nomad's Alloc.Job. */
export function allocationFromReadModel(a: NomadAllocation, job: Job): SchedulerAllocation {
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
    desiredTransition: a.DesiredTransition?.Migrate ? { migrate: true } : {},
    clientStatus: a.ClientStatus,
    resources: resources(a.AllocatedResources as unknown as Loose),
    rescheduleTracker: trackerFromWire(a.RescheduleTracker),
    previousAllocation: a.PreviousAllocation,
    nextAllocation: a.NextAllocation,
    followupEvalId: a.FollowupEvalID,
    deploymentId: a.DeploymentID,
    createTime: nanosToMs(a.CreateTime),
    modifyTime: nanosToMs(a.ModifyTime),
    finishedAt: finishedAt(a),
  };
}

function resources(r: Loose): AllocatedResources {
  const tasks: Record<string, { cpuMhz: number; memoryMb: number }> = {};
  let cpuMhz = 0;
  let memoryMb = 0;
  for (const [name, t] of Object.entries(obj(obj(r).Tasks))) {
    const cpu = num(obj(obj(t).Cpu).CpuShares);
    const mem = num(obj(obj(t).Memory).MemoryMB);
    tasks[name] = { cpuMhz: cpu, memoryMb: mem };
    cpuMhz += cpu;
    memoryMb += mem;
  }
  const shared = obj(obj(r).Shared);
  const ports = (Array.isArray(shared.Ports) ? shared.Ports : []).map((p: unknown) => ({
    label: str(obj(p).Label),
    value: num(obj(p).Value),
    to: num(obj(p).To),
    hostNetwork: 'default',
  }));
  return { cpuMhz, memoryMb, diskMb: num(shared.DiskMB), ports, tasks };
}

/** Task FinishedAt is served as RFC 3339 (Go's zero time when unset). */
function finishedAt(a: NomadAllocation): number {
  let latest = 0;
  for (const state of Object.values(a.TaskStates ?? {})) {
    const ms = Date.parse(str(obj(state).FinishedAt));
    if (Number.isFinite(ms) && ms > latest) latest = ms;
  }
  return latest;
}
