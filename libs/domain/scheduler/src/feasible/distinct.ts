import type { Constraint, Job, TaskGroup } from '@caravan/nomad-api';
import type { SchedulerNode } from '../model/node';
import type { SchedulerSnapshot } from '../model/snapshot';
import type { PlacementContext } from '../rank/placement-context';
import { resolveTarget } from './targets';

// `distinct_hosts` and `distinct_property`: feasibility that depends on where this job's other
// allocations are (existing ones not stopped by the plan, plus the plan's placements).

interface PropertyRule {
  attribute: string;
  limit: number;
  /** null = the whole job */
  group: string | null;
  counts: Map<string, number>;
  version: number;
}

export class DistinctChecks {
  private readonly jobHosts: boolean;
  private readonly groupHosts: boolean;
  private readonly properties: PropertyRule[];

  constructor(
    job: Job,
    private readonly group: TaskGroup,
    private readonly ctx: PlacementContext,
    private readonly snapshot: SchedulerSnapshot,
  ) {
    const groupLevel = [
      ...(group.Constraints ?? []),
      ...(group.Tasks ?? []).flatMap((t) => t.Constraints ?? []),
    ];
    this.jobHosts = (job.Constraints ?? []).some(distinctHostsOn);
    this.groupHosts = groupLevel.some(distinctHostsOn);
    this.properties = [
      ...(job.Constraints ?? []).filter(isProperty).map((c) => rule(c, null)),
      ...groupLevel.filter(isProperty).map((c) => rule(c, group.Name)),
    ];
  }

  /** The filter reason, or null when the node passes. */
  check(node: SchedulerNode): string | null {
    if (this.jobHosts && this.ctx.countOnNode(node.id) > 0) return 'distinct_hosts';
    if (this.groupHosts && this.ctx.countOnNode(node.id, this.group.Name) > 0) {
      return 'distinct_hosts';
    }
    for (const p of this.properties) {
      const value = resolveTarget(p.attribute, node);
      if (!value.found) return `distinct_property: missing property ${p.attribute}`;
      const used = this.countsOf(p).get(value.value) ?? 0;
      if (used >= p.limit) {
        return `distinct_property: ${p.attribute}=${value.value} used by ${used} allocs`;
      }
    }
    return null;
  }

  private countsOf(p: PropertyRule): Map<string, number> {
    if (p.version === this.ctx.version) return p.counts;
    p.counts.clear();
    for (const a of this.ctx.jobAllocs.values()) {
      if (p.group !== null && a.taskGroup !== p.group) continue;
      const node = this.snapshot.node(a.nodeId);
      if (!node) continue;
      const v = resolveTarget(p.attribute, node);
      if (v.found) p.counts.set(v.value, (p.counts.get(v.value) ?? 0) + 1);
    }
    p.version = this.ctx.version;
    return p.counts;
  }
}

/** On when RTarget is empty or parses as true; an unparseable value also counts as on. */
function distinctHostsOn(c: Constraint): boolean {
  if (c.Operand !== 'distinct_hosts') return false;
  const r = c.RTarget.trim();
  return !['0', 'f', 'F', 'false', 'FALSE', 'False'].includes(r);
}

function isProperty(c: Constraint): boolean {
  return c.Operand === 'distinct_property';
}

function rule(c: Constraint, group: string | null): PropertyRule {
  const parsed = c.RTarget === '' ? 1 : Number.parseInt(c.RTarget, 10);
  const limit = Number.isFinite(parsed) && parsed >= 1 ? parsed : 1;
  return { attribute: c.LTarget, limit, group, counts: new Map(), version: -1 };
}
