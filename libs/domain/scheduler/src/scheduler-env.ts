import type { Job, TaskGroup } from '@caravan/nomad-api';
import { readyCandidates, type Candidates } from './feasible/candidates';
import { JobChecks, type EligibilityRecord } from './feasible/static-checks';
import type { EvaluationInput } from './model/evaluation';
import { emptyMetric, type AllocMetric } from './model/metrics';
import type { SchedulerSnapshot } from './model/snapshot';
import { groupRanker, type GroupRanker } from './rank/group-ranker';
import { PlacementContext } from './rank/placement-context';
import { NodeSource, type SelectEnv } from './rank/select';
import { deriveSeed, mulberry32, shuffle, uuidSource } from './util/prng';

// Per-evaluation working state shared by the generic and system schedulers.

export interface ScheduleOptions {
  /** Unix milliseconds; the only clock the scheduler sees */
  now: number;
  /** uint32; the worker derives it (for example from the eval id and state index) and records it */
  seed: number;
  /** id source for new allocations and evals; defaults to UUIDs drawn from the seed */
  newId?: () => string;
}

export interface SchedulerEnv extends SelectEnv {
  snapshot: SchedulerSnapshot;
  evaluation: EvaluationInput;
  job: Job;
  batch: boolean;
  candidates: Candidates;
  eligibility: EligibilityRecord;
  newId: () => string;
  now: number;
  ranker(group: TaskGroup): GroupRanker;
  baseMetric(): AllocMetric;
}

const ID_STREAM = 1;

export function schedulerEnv(
  snapshot: SchedulerSnapshot,
  evaluation: EvaluationInput,
  job: Job,
  options: ScheduleOptions,
  batch: boolean,
  shuffleNodes: boolean,
): SchedulerEnv {
  const rng = mulberry32(options.seed);
  const candidates = readyCandidates(job, snapshot.nodes());
  const nodes = shuffleNodes ? shuffle([...candidates.ready], rng) : candidates.ready;
  const ctx = new PlacementContext(snapshot, evaluation.namespace, evaluation.jobId);
  const eligibility: EligibilityRecord = { classes: {}, escaped: false };
  const jobChecks = new JobChecks(job);
  const rankers = new Map<string, GroupRanker>();
  const deps = {
    job,
    snapshot,
    ctx,
    jobChecks,
    eligibility,
    readyCount: candidates.ready.length,
    batch,
  };
  return {
    snapshot,
    evaluation,
    job,
    batch,
    ctx,
    rng,
    source: new NodeSource(nodes),
    candidates,
    eligibility,
    newId: options.newId ?? uuidSource(mulberry32(deriveSeed(options.seed, ID_STREAM))),
    now: options.now,
    ranker(group) {
      let r = rankers.get(group.Name);
      if (!r) rankers.set(group.Name, (r = groupRanker(deps, group)));
      return r;
    },
    baseMetric() {
      const m = emptyMetric();
      m.NodesInPool = candidates.nodesInPool;
      m.NodePool = job.NodePool;
      m.NodesAvailable = { ...candidates.availableByDc };
      return m;
    },
  };
}
