import type { SchedulerNode } from '../model/node';
import { bump, type AllocMetric, type NodeScoreMeta } from '../model/metrics';
import type { AssignedPort } from '../model/allocation';
import type { Prng } from '../util/prng';
import { affinityScore } from './affinity';
import { exhaustedDimension, normalizedBinPack } from './binpack';
import type { GroupRanker } from './group-ranker';
import type { PlacementContext } from './placement-context';
import { assignPorts } from './ports';

// One placement decision (Nomad's generic stack Select): walk the shuffled nodes from where the
// previous selection stopped, filter, fit, score, stop after `limit` fitting nodes, take the best.

const MAX_SKIP = 3;
const TOP_SCORES = 5;

/** Score components stay numbers; maps are built only for the top candidates kept in metrics. */
export interface RankedOption {
  node: SchedulerNode;
  ports: AssignedPort[];
  binpack: number;
  antiAffinity: number;
  penalty: number;
  affinity: number | null;
  spread: number | null;
  finalScore: number;
}

/** The shuffled candidate list; the cursor persists across selections, as Nomad's source. */
export class NodeSource {
  private offset = 0;
  constructor(readonly nodes: readonly SchedulerNode[]) {}

  /** Each selection may visit every node once, starting where the last one stopped. */
  walk(): () => SchedulerNode | null {
    let seen = 0;
    return () => {
      if (seen >= this.nodes.length) return null;
      seen++;
      const node = this.nodes[this.offset] ?? null;
      this.offset = (this.offset + 1) % this.nodes.length;
      return node;
    };
  }
}

export interface SelectEnv {
  ctx: PlacementContext;
  source: NodeSource;
  rng: Prng;
}

export function selectNode(
  env: SelectEnv,
  ranker: GroupRanker,
  penaltyNodes: ReadonlySet<string>,
  metric: AllocMetric,
): RankedOption | null {
  const nextNode = env.source.walk();
  const scored: RankedOption[] = [];
  const nextRanked = (): RankedOption | null => {
    for (let node = nextNode(); node !== null; node = nextNode()) {
      metric.NodesEvaluated++;
      const option = rankNode(env, ranker, node, penaltyNodes, metric);
      if (option) {
        scored.push(option);
        return option;
      }
    }
    return null;
  };
  // LimitIterator: set aside up to 3 non-positive options while better ones may follow.
  const skipped: RankedOption[] = [];
  let best: RankedOption | null = null;
  for (let seen = 0; seen < ranker.limit; seen++) {
    let option = nextRanked();
    while (option && option.finalScore <= 0 && skipped.length < MAX_SKIP) {
      skipped.push(option);
      option = nextRanked();
    }
    option ??= skipped.shift() ?? null;
    if (!option) break;
    if (!best || option.finalScore > best.finalScore) best = option;
  }
  metric.ScoreMetaData = topScores(scored);
  return best;
}

/** Filters and scores one node; null when it is filtered or exhausted (recorded in `metric`). */
export function rankNode(
  env: SelectEnv,
  ranker: GroupRanker,
  node: SchedulerNode,
  penaltyNodes: ReadonlySet<string>,
  metric: AllocMetric,
): RankedOption | null {
  const reason = ranker.checks.check(node) ?? ranker.distinct.check(node);
  if (reason !== null) {
    metric.NodesFiltered++;
    if (node.nodeClass !== '') metric.ClassFiltered = bump(metric.ClassFiltered, node.nodeClass);
    metric.ConstraintFiltered = bump(metric.ConstraintFiltered, reason);
    return null;
  }
  const usage = env.ctx.usageOf(node);
  const { ask } = ranker;
  const ports = assignPorts(node, usage, ask.staticPorts, ask.dynamicPorts, env.rng);
  const dimension = ports.ok ? exhaustedDimension(node, usage, ask) : ports.dimension;
  if (!ports.ok || dimension !== null) {
    exhausted(metric, node, dimension ?? '', ranker);
    return null;
  }
  const binpack = normalizedBinPack(node, {
    cpuMhz: usage.cpuMhz + ask.cpuMhz,
    memoryMb: usage.memoryMb + ask.memoryMb,
  });
  let sum = binpack;
  let n = 1;
  const collisions = env.ctx.countOnNode(node.id, ranker.group.Name);
  // Appended only when there is a collision, so it does not dilute the mean otherwise.
  const antiAffinity = collisions > 0 ? -(collisions + 1) / Math.max(ranker.group.Count, 1) : 0;
  if (collisions > 0) {
    sum += antiAffinity;
    n++;
  }
  const penalty = penaltyNodes.has(node.id) ? -1 : 0;
  if (penalty !== 0) {
    sum += penalty;
    n++;
  }
  const affinity = ranker.affinities.length > 0 ? affinityScore(ranker.affinities, node) : null;
  if (affinity) {
    sum += affinity;
    n++;
  }
  const spread = ranker.spread.active ? ranker.spread.score(node) : null;
  if (spread) {
    sum += spread;
    n++;
  }
  const finalScore = sum / n;
  return { node, ports: ports.ports, binpack, antiAffinity, penalty, affinity, spread, finalScore };
}

/** The per-scorer map Nomad keeps in ScoreMetaData. */
export function scoreMap(o: RankedOption): Record<string, number> {
  const scores: Record<string, number> = {
    binpack: o.binpack,
    'job-anti-affinity': o.antiAffinity,
    'node-reschedule-penalty': o.penalty,
  };
  if (o.affinity !== null) scores['node-affinity'] = o.affinity;
  if (o.spread !== null) scores['allocation-spread'] = o.spread;
  scores['normalized-score'] = o.finalScore;
  return scores;
}

function exhausted(metric: AllocMetric, node: SchedulerNode, dim: string, r: GroupRanker): void {
  metric.NodesExhausted++;
  if (node.nodeClass !== '') metric.ClassExhausted = bump(metric.ClassExhausted, node.nodeClass);
  metric.DimensionExhausted = bump(metric.DimensionExhausted, dim);
  if (dim === 'cpu' || dim === 'memory') {
    const byTask: Record<string, { CPU: number; MemoryMB: number }> = {};
    for (const [name, t] of Object.entries(r.ask.tasks)) {
      byTask[name] = { CPU: t.cpuMhz, MemoryMB: t.memoryMb };
    }
    metric.ResourcesExhausted = byTask;
  }
}

function topScores(scored: RankedOption[]): NodeScoreMeta[] | null {
  if (scored.length === 0) return null;
  return [...scored]
    .sort((a, b) => b.finalScore - a.finalScore)
    .slice(0, TOP_SCORES)
    .map((o) => ({ NodeID: o.node.id, Scores: scoreMap(o), NormScore: o.finalScore }));
}
