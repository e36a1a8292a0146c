import type { Job, Spread, TaskGroup } from '@caravan/nomad-api';
import { resolveTarget } from '../feasible/targets';
import type { SchedulerNode } from '../model/node';
import type { SchedulerSnapshot } from '../model/snapshot';
import type { PlacementContext } from './placement-context';

// Spread scoring (Nomad's SpreadIterator). Counts are this group's proposed allocations per
// attribute value; with targets a value is boosted by how far it is below its desired share,
// without targets the least used values are boosted (even spread).

const IMPLICIT = '*';

interface SpreadRule {
  attribute: string;
  weight: number;
  /** desired allocation count per value; empty for even spread */
  desired: Map<string, number>;
}

export class SpreadScorer {
  private readonly rules: SpreadRule[];
  private readonly sumWeights: number;
  private readonly counts: Map<string, number>[];
  private version = -1;

  constructor(
    job: Job,
    private readonly group: TaskGroup,
    private readonly ctx: PlacementContext,
    private readonly snapshot: SchedulerSnapshot,
  ) {
    const spreads = [...(job.Spreads ?? []), ...(group.Spreads ?? [])];
    this.rules = spreads.map((s) => toRule(s, group.Count));
    this.sumWeights = spreads.reduce((sum, s) => sum + s.Weight, 0);
    this.counts = this.rules.map(() => new Map<string, number>());
  }

  get active(): boolean {
    return this.rules.length > 0;
  }

  /** Σ of per-spread boosts for placing one more allocation on `node`. */
  score(node: SchedulerNode): number {
    this.refresh();
    let total = 0;
    this.rules.forEach((rule, i) => {
      const counts = this.counts[i] ?? new Map<string, number>();
      const value = resolveTarget(rule.attribute, node);
      if (!value.found) {
        total -= 1;
        return;
      }
      if (rule.desired.size === 0) {
        total += evenBoost(counts, value.value);
        return;
      }
      const desired = rule.desired.get(value.value) ?? rule.desired.get(IMPLICIT);
      if (desired === undefined || desired === 0) {
        total -= 1;
        return;
      }
      const used = (counts.get(value.value) ?? 0) + 1;
      total += ((desired - used) / desired) * (rule.weight / (this.sumWeights || 1));
    });
    return total;
  }

  private refresh(): void {
    if (this.version === this.ctx.version) return;
    this.counts.forEach((m) => m.clear());
    for (const a of this.ctx.jobAllocs.values()) {
      if (a.taskGroup !== this.group.Name) continue;
      const node = this.snapshot.node(a.nodeId);
      if (!node) continue;
      this.rules.forEach((rule, i) => {
        const v = resolveTarget(rule.attribute, node);
        const m = this.counts[i];
        if (v.found && m) m.set(v.value, (m.get(v.value) ?? 0) + 1);
      });
    }
    this.version = this.ctx.version;
  }
}

function toRule(spread: Spread, count: number): SpreadRule {
  const desired = new Map<string, number>();
  let sumPercent = 0;
  for (const t of spread.SpreadTarget ?? []) {
    desired.set(t.Value, (t.Percent / 100) * count);
    sumPercent += t.Percent;
  }
  if (desired.size > 0 && sumPercent < 100 && !desired.has(IMPLICIT)) {
    desired.set(IMPLICIT, ((100 - sumPercent) / 100) * count);
  }
  return { attribute: spread.Attribute, weight: spread.Weight, desired };
}

/** Even spread: favour values at the minimum use count, penalize the rest. */
export function evenBoost(counts: ReadonlyMap<string, number>, value: string): number {
  if (counts.size === 0) return 0;
  let min = Infinity;
  let max = -Infinity;
  for (const c of counts.values()) {
    min = Math.min(min, c);
    max = Math.max(max, c);
  }
  const current = counts.get(value) ?? 0;
  if (current < min) return 1; // an unused value is the best place to go
  if (current !== min) return min === 0 ? -1 : (min - current) / min;
  if (min === max) return -1;
  if (min === 0) return 1;
  return (max - min) / min;
}
