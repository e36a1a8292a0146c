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

export interface RankedOption {
  node: SchedulerNode;
  ports: AssignedPort[];
  scores: Record<string, number>;
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
  const scored: NodeScoreMeta[] = [];
  const nextRanked = (): RankedOption | null => {
    for (let node = nextNode(); node !== null; node = nextNode()) {
      metric.NodesEvaluated++;
      const option = rankNode(env, ranker, node, penaltyNodes, metric);
      if (option) {
        scored.push({ NodeID: node.id, Scores: option.scores, NormScore: option.finalScore });
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
  const scores: Record<string, number> = {};
  const appended: number[] = [];
  const binpack = normalizedBinPack(node, {
    cpuMhz: usage.cpuMhz + ask.cpuMhz,
    memoryMb: usage.memoryMb + ask.memoryMb,
  });
  scores['binpack'] = binpack;
  appended.push(binpack);
  const collisions = env.ctx.countOnNode(node.id, ranker.group.Name);
  const antiAffinity = collisions > 0 ? -(collisions + 1) / Math.max(ranker.group.Count, 1) : 0;
  scores['job-anti-affinity'] = antiAffinity;
  if (collisions > 0) appended.push(antiAffinity);
  const penalty = penaltyNodes.has(node.id) ? -1 : 0;
  scores['node-reschedule-penalty'] = penalty;
  if (penalty !== 0) appended.push(penalty);
  if (ranker.affinities.length > 0) {
    const affinity = affinityScore(ranker.affinities, node);
    scores['node-affinity'] = affinity;
    if (affinity !== 0) appended.push(affinity);
  }
  if (ranker.spread.active) {
    const spread = ranker.spread.score(node);
    scores['allocation-spread'] = spread;
    if (spread !== 0) appended.push(spread);
  }
  const finalScore = appended.reduce((s, v) => s + v, 0) / appended.length;
  scores['normalized-score'] = finalScore;
  return { node, ports: ports.ports, scores, finalScore };
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

function topScores(scored: NodeScoreMeta[]): NodeScoreMeta[] | null {
  if (scored.length === 0) return null;
  return [...scored].sort((a, b) => b.NormScore - a.NormScore).slice(0, TOP_SCORES);
}
