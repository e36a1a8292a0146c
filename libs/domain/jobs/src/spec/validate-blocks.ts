// Validation of the small blocks (Nomad's Constraint/Affinity/Spread/policy Validate methods).
// Each returns its own error list; callers decide whether to flatten or nest it, as Nomad does.
import type {
  Affinity,
  Constraint,
  MigrateStrategy,
  Nanos,
  ParameterizedJobConfig,
  PeriodicConfig,
  RestartPolicy,
  Spread,
  UpdateStrategy,
} from '@caravan/nomad-api';
import { compileGoRegexp, GoRegexpError } from '@caravan/domain/shared';
import { cronParseError } from './cron';
import { goDuration, goList, goQuote } from './go-format';
import { SECOND } from './spec.defaults';

const n = (v: Nanos): bigint => BigInt(v);
const COMPARE_OPS = ['=', '==', 'is', '!=', 'not', '<', '<=', '>', '>='];
const SET_OPS = ['set_contains_all', 'set_contains_any', 'set_contains'];

export function validateConstraint(c: Constraint): string[] {
  const errs: string[] = [];
  if (c.Operand === '') errs.push('Missing constraint operand');
  const op = c.Operand;
  if (SET_OPS.includes(op)) {
    if (c.RTarget === '') errs.push('Set contains constraint requires an RTarget');
  } else if (op === 'regexp') {
    const error = regexpError(c.RTarget);
    if (error !== null) errs.push(`Regular expression failed to compile: ${error}`);
  } else if (op === 'distinct_property') {
    if (c.RTarget !== '') {
      if (!/^\d+$/.test(c.RTarget)) {
        errs.push(
          `Failed to convert RTarget ${goQuote(c.RTarget)} to uint64: strconv.ParseUint: parsing ${goQuote(c.RTarget)}: invalid syntax`,
        );
      } else if (BigInt(c.RTarget) < 1n) {
        errs.push(`Distinct Property must have an allowed count of 1 or greater: ${c.RTarget} < 1`);
      }
    }
  } else if (op === 'is_set' || op === 'is_not_set') {
    if (c.RTarget !== '') errs.push(`Operator ${goQuote(op)} does not support an RTarget`);
  } else if (COMPARE_OPS.includes(op)) {
    if (c.RTarget === '') errs.push(`Operator ${goQuote(op)} requires an RTarget`);
  } else if (!['distinct_hosts', 'version', 'semver'].includes(op)) {
    errs.push(`Unknown constraint type ${goQuote(op)}`);
  }
  if (op !== 'distinct_hosts' && c.LTarget === '')
    errs.push('no attribute provided but is required by operator');
  return errs;
}

export function validateAffinity(a: Affinity): string[] {
  const errs: string[] = [];
  if (a.Operand === '') errs.push('Missing affinity operand');
  if (SET_OPS.includes(a.Operand)) {
    if (a.RTarget === '') errs.push('Set contains operators require an RTarget');
  } else if (a.Operand === 'regexp') {
    const error = regexpError(a.RTarget);
    if (error !== null) errs.push(`Regular expression failed to compile: ${error}`);
  } else if (COMPARE_OPS.includes(a.Operand)) {
    if (a.RTarget === '') errs.push(`Operator ${goQuote(a.Operand)} requires an RTarget`);
  } else if (!['version', 'semver'].includes(a.Operand)) {
    errs.push(`Unknown affinity operator ${goQuote(a.Operand)}`);
  }
  if (a.LTarget === '') errs.push('No LTarget provided but is required');
  if (a.Weight === 0) errs.push('Affinity weight cannot be zero');
  if (a.Weight > 100 || a.Weight < -100)
    errs.push('Affinity weight must be within the range [-100,100]');
  return errs;
}

export function validateSpread(s: Spread): string[] {
  const errs: string[] = [];
  if (s.Attribute === '') errs.push('Missing spread attribute');
  if (s.Weight <= 0 || s.Weight > 100)
    errs.push('Spread block must have a positive weight from 0 to 100');
  const seen = new Set<string>();
  let sum = 0;
  for (const t of s.SpreadTarget ?? []) {
    if (seen.has(t.Value)) errs.push(`Spread target value ${goQuote(t.Value)} already defined`);
    seen.add(t.Value);
    if (t.Percent > 100)
      errs.push(`Spread target percentage for value ${goQuote(t.Value)} must be between 0 and 100`);
    sum += t.Percent;
  }
  if (sum > 100)
    errs.push(`Sum of spread target percentages must not be greater than 100%; got ${sum}%`);
  return errs;
}

export function validateRestart(r: RestartPolicy): string[] {
  const errs: string[] = [];
  if (r.Mode !== 'delay' && r.Mode !== 'fail')
    errs.push(`Unsupported restart mode: ${goQuote(r.Mode)}`);
  if (r.Attempts === 0 && r.Mode !== 'fail') {
    errs.push(`Restart policy ${goQuote(r.Mode)} with ${r.Attempts} attempts is ambiguous`);
  }
  if (n(r.Interval) < n(5 * SECOND))
    errs.push(`Interval can not be less than 5s (got ${goDuration(r.Interval)})`);
  if (BigInt(r.Attempts) * n(r.Delay) > n(r.Interval)) {
    errs.push(
      `Nomad can't restart the TaskGroup ${r.Attempts} times in an interval of ${goDuration(r.Interval)} with a delay of ${goDuration(r.Delay)}`,
    );
  }
  return errs;
}

export function validateUpdate(u: UpdateStrategy): string[] {
  const errs: string[] = [];
  if (!['checks', 'task_states', 'manual'].includes(u.HealthCheck)) {
    errs.push(`Invalid health check given: ${goQuote(u.HealthCheck)}`);
  }
  if (u.MaxParallel < 0) errs.push(`Max parallel can not be less than zero: ${u.MaxParallel} < 0`);
  if (u.Canary < 0) errs.push(`Canary count can not be less than zero: ${u.Canary} < 0`);
  if (u.Canary === 0 && u.AutoPromote)
    errs.push('Auto Promote requires a Canary count greater than zero');
  const [mht, hd, pd] = [n(u.MinHealthyTime), n(u.HealthyDeadline), n(u.ProgressDeadline)];
  if (mht < 0n) errs.push(`Minimum healthy time may not be less than zero: ${goDuration(mht)}`);
  if (hd <= 0n) errs.push(`Healthy deadline must be greater than zero: ${goDuration(hd)}`);
  if (pd < 0n) errs.push(`Progress deadline must be zero or greater: ${goDuration(pd)}`);
  if (mht >= hd) {
    errs.push(
      `Minimum healthy time must be less than healthy deadline: ${goDuration(mht)} > ${goDuration(hd)}`,
    );
  }
  if (pd !== 0n && hd >= pd) {
    errs.push(
      `Healthy deadline must be less than progress deadline: ${goDuration(hd)} > ${goDuration(pd)}`,
    );
  }
  if (n(u.Stagger) <= 0n) errs.push(`Stagger must be greater than zero: ${goDuration(u.Stagger)}`);
  return errs;
}

export function validateMigrate(m: MigrateStrategy): string[] {
  const errs: string[] = [];
  if (m.MaxParallel < 0) errs.push(`MaxParallel must be >= 0 but found ${m.MaxParallel}`);
  if (m.HealthCheck === '') {
    if (m.MaxParallel > 0) errs.push('Missing HealthCheck');
  } else if (m.HealthCheck !== 'checks' && m.HealthCheck !== 'task_states') {
    errs.push(`Invalid HealthCheck: ${goQuote(m.HealthCheck)}`);
  }
  if (n(m.MinHealthyTime) < 0n)
    errs.push(`MinHealthyTime is ${goDuration(m.MinHealthyTime)} and must be >= 0`);
  if (n(m.HealthyDeadline) < 0n)
    errs.push(`HealthyDeadline is ${goDuration(m.HealthyDeadline)} and must be >= 0`);
  if (n(m.MinHealthyTime) > n(m.HealthyDeadline))
    errs.push('MinHealthyTime must be less than HealthyDeadline');
  return errs;
}

export function validatePeriodic(p: PeriodicConfig): string[] {
  if (!p.Enabled) return [];
  const errs: string[] = [];
  const specs = p.Specs ?? [];
  if (p.Spec !== '' && specs.length !== 0) errs.push('Only cron or crons may be used');
  if (p.Spec === '' && specs.length === 0) errs.push('Must specify a spec');
  if (p.TimeZone !== '' && !knownTimeZone(p.TimeZone)) {
    errs.push(`Invalid time zone ${goQuote(p.TimeZone)}: unknown time zone ${p.TimeZone}`);
  }
  if (p.SpecType === 'cron') {
    for (const spec of [...(p.Spec !== '' ? [p.Spec] : []), ...specs]) {
      const err = cronParseError(spec);
      if (err !== null) errs.push(`Invalid cron spec ${goQuote(spec)}: ${err}`);
    }
  } else if (p.SpecType !== 'test') {
    errs.push(`Unknown periodic specification type ${goQuote(p.SpecType)}`);
  }
  return errs;
}

export function validateParameterized(d: ParameterizedJobConfig): string[] {
  const errs: string[] = [];
  if (!['optional', 'required', 'forbidden'].includes(d.Payload)) {
    errs.push(`Unknown payload requirement: ${goQuote(d.Payload)}`);
  }
  const optional = new Set(d.MetaOptional ?? []);
  const both = (d.MetaRequired ?? []).filter((k) => optional.has(k));
  if (both.length > 0) {
    errs.push(
      `Required and optional meta keys should be disjoint. Following keys exist in both: ${goList(both)}`,
    );
  }
  return errs;
}

/** Go's regexp.Compile error for the operand (RE2 syntax), or null when it compiles. */
function regexpError(pattern: string): string | null {
  try {
    compileGoRegexp(pattern);
    return null;
  } catch (err) {
    if (err instanceof GoRegexpError) return err.message;
    throw err;
  }
}

function knownTimeZone(tz: string): boolean {
  if (tz === 'UTC' || tz === 'Local') return true;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}
