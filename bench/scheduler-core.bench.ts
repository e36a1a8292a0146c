import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { Job } from '@caravan/nomad-api';
import {
  schedule,
  type Plan,
  type SchedulerAllocation,
  type SchedulerNode,
  type SchedulerSnapshot,
  binPackScore,
  schedulerFixtures,
} from '@caravan/domain/scheduler';
import { withRatios, type BenchReport, type BenchRow } from './bench-report';

// The pure scheduler's in-memory ceiling: placements per second with no I/O, for issue 8's two
// shapes (one job of 10,000 on 5,000 nodes; 1,000 jobs of 10). Each plan is applied to the
// in-memory state before the next eval, as the worker's FSM would. The baseline, measured in the
// same run on the same nodes, is an exhaustive best fit that scores every node per placement
// (no constraints, ports or metrics): the ratio shows what scoring ⌈log2 n⌉ nodes buys.

const NODES = 5000;
const { aJob, aNode, anEval, NOW } = schedulerFixtures;

/** A snapshot that applies plans in place (the bench's stand-in for the worker's FSM). */
class LiveSnapshot implements SchedulerSnapshot {
  index = 1;
  private readonly byId: Map<string, SchedulerNode>;
  private readonly byJob = new Map<string, SchedulerAllocation[]>();
  private readonly byNode = new Map<string, SchedulerAllocation[]>();
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly all: SchedulerNode[]) {
    this.byId = new Map(all.map((n) => [n.id, n]));
  }
  nodes = () => this.all;
  node = (id: string) => this.byId.get(id);
  allocationsByJob = (_ns: string, id: string) => this.byJob.get(id) ?? [];
  allocationsByNode = (id: string) => this.byNode.get(id) ?? [];
  job = (_ns: string, id: string) => this.jobs.get(id);

  register(job: Job): void {
    this.jobs.set(job.ID, job);
  }

  apply(plan: Plan, job: Job): void {
    this.index++;
    for (const p of plan.placements) {
      const alloc: SchedulerAllocation = {
        id: p.id,
        namespace: p.namespace,
        evalId: p.evalId,
        name: p.name,
        jobId: p.jobId,
        job,
        taskGroup: p.taskGroup,
        nodeId: p.nodeId,
        nodeName: p.nodeName,
        desiredStatus: 'run',
        desiredDescription: '',
        desiredTransition: {},
        clientStatus: 'pending',
        resources: p.resources,
        rescheduleTracker: p.rescheduleTracker,
        previousAllocation: p.previousAllocation,
        nextAllocation: '',
        followupEvalId: '',
        deploymentId: '',
        createTime: NOW,
        modifyTime: NOW,
        finishedAt: 0,
      };
      push(this.byJob, alloc.jobId, alloc);
      push(this.byNode, alloc.nodeId, alloc);
    }
  }
}

function push<V>(map: Map<string, V[]>, key: string, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function cluster(): SchedulerNode[] {
  return Array.from({ length: NODES }, (_, i) =>
    aNode(i, {
      datacenter: `dc${i % 3}`,
      meta: { rack: `r${i % 50}` },
      computedClass: `v1:dc${i % 3}`,
    }),
  );
}

const linux = [{ LTarget: '${attr.kernel.name}', Operand: '=', RTarget: 'linux' }];

function jobShape(id: string, count: number, ports: boolean): Job {
  return aJob(
    {
      id,
      count,
      cpu: 100,
      memory: 128,
      extra: { Datacenters: ['dc*'], Constraints: linux },
      group: ports
        ? { Networks: [{ Mode: 'host', DynamicPorts: [{ Label: 'http', Value: 0, To: -1 }] }] }
        : {},
    },
    10,
  );
}

interface Run {
  placements: number;
  failed: number;
  ms: number;
}

function runJobs(jobs: Job[]): Run {
  const snapshot = new LiveSnapshot(cluster());
  let placements = 0;
  let failed = 0;
  let ms = 0;
  jobs.forEach((job, i) => {
    snapshot.register(job);
    const t0 = performance.now();
    const plan = schedule(snapshot, anEval(job, { id: `eval-${i}` }), { now: NOW, seed: i + 1 });
    ms += performance.now() - t0;
    placements += plan.placements.length;
    failed += Object.values(plan.evaluation.failedTGAllocs).reduce(
      (s, m) => s + 1 + m.CoalescedFailures,
      0,
    );
    snapshot.apply(plan, job);
  });
  return { placements, failed, ms };
}

/**
 * Exhaustive best fit: score every node for every placement and take the fullest that fits.
 * The work Nomad's limit of ⌈log2 n⌉ scored nodes avoids; same nodes, same asks.
 */
function exhaustiveBestFit(placementsWanted: number): Run {
  const nodes = cluster();
  const used = nodes.map(() => ({ cpu: 0, mem: 0 }));
  let placements = 0;
  const t0 = performance.now();
  for (let k = 0; k < placementsWanted; k++) {
    let best = -1;
    let bestScore = -Infinity;
    for (let i = 0; i < nodes.length; i++) {
      const n = nodes[i]!;
      const u = used[i]!;
      if (u.cpu + 100 > n.resources.cpuMhz || u.mem + 128 > n.resources.memoryMb) continue;
      const score = binPackScore(n, { cpuMhz: u.cpu + 100, memoryMb: u.mem + 128 });
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    if (best < 0) break;
    used[best]!.cpu += 100;
    used[best]!.mem += 128;
    placements++;
  }
  return { placements, failed: 0, ms: performance.now() - t0 };
}

/** Median of three runs: the machine's two cores are shared with other work. */
function median(runs: () => Run): Run {
  const results = [runs(), runs(), runs()].sort(
    (a, b) => a.placements / a.ms - b.placements / b.ms,
  );
  return results[1]!;
}

function rows(name: string, r: Run, baseline?: string): BenchRow[] {
  return [
    {
      name,
      value: (r.placements / r.ms) * 1000,
      unit: 'placements/s',
      baseline,
      note: `${r.placements} placed, ${r.failed} failed, ${Math.round(r.ms)} ms`,
    },
  ];
}

export async function run(): Promise<BenchReport> {
  runJobs([jobShape('warmup', 2000, false)]); // JIT warm-up, not reported
  const base = 'exhaustive best fit (2,000 placements)';
  const many = () => Array.from({ length: 1000 }, (_, i) => jobShape(`job-${i}`, 10, false));
  const result: BenchRow[] = [
    ...rows(
      base,
      median(() => exhaustiveBestFit(2_000)),
    ),
    ...rows(
      '1 job × 10,000 on 5,000 nodes',
      median(() => runJobs([jobShape('big', 10_000, false)])),
      base,
    ),
    ...rows(
      '1 job × 10,000, 1 dynamic port',
      median(() => runJobs([jobShape('big', 10_000, true)])),
      base,
    ),
    ...rows(
      '1,000 jobs × 10 on 5,000 nodes',
      median(() => runJobs(many())),
      base,
    ),
  ];
  return {
    name: 'scheduler-core (pure, in memory)',
    machine: { cpus: cpus().length, node: process.version, date: new Date().toISOString() },
    rows: withRatios(result),
  };
}
