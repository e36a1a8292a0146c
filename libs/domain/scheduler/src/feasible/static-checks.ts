import type { Constraint, Job, TaskGroup } from '@caravan/nomad-api';
import type { SchedulerNode } from '../model/node';
import { checkOperand } from './operands';
import { resolveTarget, targetEscapes } from './targets';

// Node predicates that do not depend on other allocations: job constraints, then the group's
// drivers, then group and task constraints (Nomad's FeasibilityWrapper order, which decides the
// filter reason a metric reports). Results are cached per computed class unless a constraint
// names something unique to a node ("escaped"); a node whose class was already judged
// ineligible is reported as `computed class ineligible`, as Nomad does.

export const CLASS_INELIGIBLE = 'computed class ineligible';
export const MISSING_DRIVERS = 'missing drivers';

export type ClassCache = Map<string, boolean>;

/** The class verdicts an eval records (Nomad's ClassEligibility), shared by all groups. */
export interface EligibilityRecord {
  classes: Record<string, boolean>;
  escaped: boolean;
}

export function constraintString(c: Constraint): string {
  return `${c.LTarget} ${c.Operand} ${c.RTarget}`;
}

/** Job-level checks, built once per eval and shared by every group. */
export class JobChecks {
  readonly constraints: Constraint[];
  readonly escaped: boolean;
  readonly byClass: ClassCache = new Map();

  constructor(job: Job) {
    this.constraints = nodePredicates(job.Constraints);
    this.escaped = this.constraints.some(escapes);
  }
}

export class GroupChecks {
  private readonly constraints: Constraint[];
  private readonly drivers: string[];
  private readonly escaped: boolean;
  private readonly byClass: ClassCache = new Map();
  private readonly byNode = new Map<string, string | null>();

  constructor(
    private readonly job: JobChecks,
    group: TaskGroup,
    private readonly record: EligibilityRecord,
  ) {
    const tasks = group.Tasks ?? [];
    this.constraints = nodePredicates([
      ...(group.Constraints ?? []),
      ...tasks.flatMap((t) => t.Constraints ?? []),
    ]);
    this.drivers = [...new Set(tasks.map((t) => t.Driver).filter((d) => d !== ''))];
    this.escaped = this.constraints.some(escapes);
    if (job.escaped || this.escaped) record.escaped = true;
  }

  /** The filter reason, or null when the node passes. Memoized per node for the eval. */
  check(node: SchedulerNode): string | null {
    const memo = this.byNode.get(node.id);
    if (memo !== undefined) return memo;
    const reason = this.evaluate(node);
    this.byNode.set(node.id, reason);
    return reason;
  }

  private evaluate(node: SchedulerNode): string | null {
    const cls = node.computedClass;
    // Without a class (or with escaped constraints) every node is judged on its own.
    const jobCached = !this.job.escaped && cls !== '';
    const groupCached = !this.escaped && cls !== '';
    const jobVerdict = jobCached ? this.job.byClass.get(cls) : undefined;
    if (jobVerdict === false) return CLASS_INELIGIBLE;
    if (jobVerdict === undefined) {
      const reason = failing(this.job.constraints, node);
      if (jobCached) {
        this.job.byClass.set(cls, reason === null);
        if (reason !== null) this.record.classes[cls] = false;
      }
      if (reason !== null) return reason;
    }
    const groupVerdict = groupCached ? this.byClass.get(cls) : undefined;
    if (groupVerdict === false) return CLASS_INELIGIBLE;
    if (groupVerdict === true) return null;
    const reason = this.drivers.every((d) => driverHealthy(node, d))
      ? failing(this.constraints, node)
      : MISSING_DRIVERS;
    if (groupCached) {
      this.byClass.set(cls, reason === null);
      // One group finding a class eligible wins over another finding it ineligible.
      if (reason === null) this.record.classes[cls] = true;
      else if (this.record.classes[cls] === undefined) this.record.classes[cls] = false;
    }
    return reason;
  }
}

function nodePredicates(constraints: readonly Constraint[] | null): Constraint[] {
  return (constraints ?? []).filter(
    (c) => c.Operand !== 'distinct_hosts' && c.Operand !== 'distinct_property',
  );
}

function escapes(c: Constraint): boolean {
  return targetEscapes(c.LTarget) || targetEscapes(c.RTarget);
}

function failing(constraints: readonly Constraint[], node: SchedulerNode): string | null {
  for (const c of constraints) {
    const l = resolveTarget(c.LTarget, node);
    const r = resolveTarget(c.RTarget, node);
    if (!checkOperand(c.Operand, l, r)) return constraintString(c);
  }
  return null;
}

const TRUE_VALUES = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);

/** A driver is usable when the node's `driver.<name>` attribute parses as true (Go ParseBool). */
export function driverHealthy(node: SchedulerNode, driver: string): boolean {
  const value = node.attributes[`driver.${driver}`];
  return value !== undefined && TRUE_VALUES.has(value);
}
