import type { Job } from '@caravan/nomad-api';
import { nodeReady, type SchedulerNode } from '../model/node';

// Which nodes a job may use at all (Nomad's `readyNodesInDCsAndPool`), and the per-datacenter
// counts every AllocMetric reports.

export interface Candidates {
  ready: SchedulerNode[];
  /** ready nodes per datacenter (AllocMetric.NodesAvailable) */
  availableByDc: Record<string, number>;
  /** nodes in the job's pool, ready or not (AllocMetric.NodesInPool) */
  nodesInPool: number;
}

export function jobDatacenters(job: Job): string[] {
  return job.Datacenters && job.Datacenters.length > 0 ? job.Datacenters : ['*'];
}

/** `all` or '' means every pool (Nomad's `NodePoolAll`). */
export function inJobPool(job: Job, node: SchedulerNode): boolean {
  return job.NodePool === '' || job.NodePool === 'all' || job.NodePool === node.nodePool;
}

export function inJobDatacenters(job: Job, node: SchedulerNode): boolean {
  return jobDatacenters(job).some((pattern) => globMatch(pattern, node.datacenter));
}

export function readyCandidates(job: Job, nodes: readonly SchedulerNode[]): Candidates {
  const ready: SchedulerNode[] = [];
  const availableByDc: Record<string, number> = {};
  let nodesInPool = 0;
  // Thousands of nodes share a handful of datacenters: match each name once.
  const dcMatch = new Map<string, boolean>();
  const patterns = jobDatacenters(job);
  for (const node of nodes) {
    if (!inJobPool(job, node)) continue;
    nodesInPool++;
    if (!nodeReady(node)) continue;
    let inDc = dcMatch.get(node.datacenter);
    if (inDc === undefined) {
      inDc = patterns.some((p) => globMatch(p, node.datacenter));
      dcMatch.set(node.datacenter, inDc);
    }
    if (!inDc) continue;
    ready.push(node);
    availableByDc[node.datacenter] = (availableByDc[node.datacenter] ?? 0) + 1;
  }
  return { ready, availableByDc, nodesInPool };
}

/** `*` matches any run of characters; everything else is literal (go-glob). */
export function globMatch(pattern: string, value: string): boolean {
  if (!pattern.includes('*')) return pattern === value;
  const parts = pattern.split('*');
  const first = parts[0] ?? '';
  const last = parts[parts.length - 1] ?? '';
  if (!value.startsWith(first)) return false;
  let at = first.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const part = parts[i] ?? '';
    const found = value.indexOf(part, at);
    if (found < 0) return false;
    at = found + part.length;
  }
  return value.length - last.length >= at && value.endsWith(last);
}
