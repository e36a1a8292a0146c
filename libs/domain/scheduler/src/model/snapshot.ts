import type { Job } from '@caravan/nomad-api';
import type { SchedulerAllocation } from './allocation';
import type { SchedulerNode } from './node';

/**
 * The read port the scheduler needs (Nomad's `State`): an immutable view at one log index.
 * The worker implements it over the in-memory state it keeps current by following the log;
 * `inMemorySnapshot` builds one from plain arrays for tests, benchmarks and plan dry-runs.
 */
export interface SchedulerSnapshot {
  /** the log index the view reflects (Nomad's SnapshotIndex) */
  readonly index: number;
  /** every node, in a stable order (the scheduler shuffles a copy itself) */
  nodes(): readonly SchedulerNode[];
  node(id: string): SchedulerNode | undefined;
  /** every allocation of a job id, all versions, terminal ones included */
  allocationsByJob(namespace: string, jobId: string): readonly SchedulerAllocation[];
  allocationsByNode(nodeId: string): readonly SchedulerAllocation[];
  /** the job's current version, or undefined when purged */
  job(namespace: string, jobId: string): Job | undefined;
}

export interface SnapshotData {
  index: number;
  nodes: readonly SchedulerNode[];
  allocations: readonly SchedulerAllocation[];
  jobs: readonly Job[];
}

const EMPTY: readonly SchedulerAllocation[] = [];

export function jobKey(namespace: string, jobId: string): string {
  return `${namespace}\u0000${jobId}`;
}

export function inMemorySnapshot(data: SnapshotData): SchedulerSnapshot {
  const nodesById = new Map(data.nodes.map((n) => [n.id, n]));
  const byJob = new Map<string, SchedulerAllocation[]>();
  const byNode = new Map<string, SchedulerAllocation[]>();
  for (const a of data.allocations) {
    push(byJob, jobKey(a.namespace, a.jobId), a);
    push(byNode, a.nodeId, a);
  }
  const jobs = new Map(data.jobs.map((j) => [jobKey(j.Namespace, j.ID), j]));
  return {
    index: data.index,
    nodes: () => data.nodes,
    node: (id) => nodesById.get(id),
    allocationsByJob: (ns, id) => byJob.get(jobKey(ns, id)) ?? EMPTY,
    allocationsByNode: (id) => byNode.get(id) ?? EMPTY,
    job: (ns, id) => jobs.get(jobKey(ns, id)),
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
