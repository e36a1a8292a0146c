import type { Affinity, Job, TaskGroup } from '@caravan/nomad-api';
import { DistinctChecks } from '../feasible/distinct';
import { GroupChecks, type EligibilityRecord, type JobChecks } from '../feasible/static-checks';
import type { SchedulerSnapshot } from '../model/snapshot';
import { groupAffinities } from './affinity';
import { groupAsk, type GroupAsk } from './ask';
import type { PlacementContext } from './placement-context';
import { SpreadScorer } from './spread';

// Everything selection needs for one task group, built once per eval.

/** Nomad's default `NodeLimitForFeasibilityChecks`. */
export const NODE_LIMIT_FOR_FEASIBILITY = 100;

export interface GroupRanker {
  group: TaskGroup;
  ask: GroupAsk;
  checks: GroupChecks;
  distinct: DistinctChecks;
  spread: SpreadScorer;
  affinities: Affinity[];
  /** how many fitting nodes are scored before choosing (Nomad's LimitIterator) */
  limit: number;
}

export interface RankerDeps {
  job: Job;
  snapshot: SchedulerSnapshot;
  ctx: PlacementContext;
  jobChecks: JobChecks;
  eligibility: EligibilityRecord;
  readyCount: number;
  batch: boolean;
}

export function groupRanker(deps: RankerDeps, group: TaskGroup): GroupRanker {
  const { job, snapshot, ctx } = deps;
  const spread = new SpreadScorer(job, group, ctx, snapshot);
  const affinities = groupAffinities(job, group);
  return {
    group,
    ask: groupAsk(group),
    checks: new GroupChecks(deps.jobChecks, group, deps.eligibility),
    distinct: new DistinctChecks(job, group, ctx, snapshot),
    spread,
    affinities,
    limit: scoringLimit(
      deps.batch,
      deps.readyCount,
      group.Count,
      spread.active || affinities.length > 0,
    ),
  };
}

/**
 * Batch jobs use the power of two choices; service jobs score ⌈log2 n⌉ (at least 2); with
 * spreads or affinities the scores matter more than speed, so up to max(count, 100).
 */
export function scoringLimit(
  batch: boolean,
  readyNodes: number,
  count: number,
  scoresMatter: boolean,
): number {
  if (scoresMatter) return Math.max(count, NODE_LIMIT_FOR_FEASIBILITY);
  if (batch || readyNodes <= 0) return 2;
  return Math.max(2, Math.ceil(Math.log2(readyNodes)));
}
