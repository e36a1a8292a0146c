// Nomad's TaskGroup.Validate. Child multierrors appended with multierror.Append are flattened;
// the "... validation failed: %v" wrappers embed the child's formatted text.
import type { Job, TaskGroup } from '@caravan/nomad-api';
import { goQuote, nested } from './go-format';
import {
  validateAffinity,
  validateConstraint,
  validateMigrate,
  validateRestart,
  validateSpread,
  validateUpdate,
} from './validate-blocks';
import { validateNetworks } from './validate-network';
import { validateReschedule } from './validate-reschedule';
import { validateGroupScriptChecks, validateGroupServices } from './validate-services';
import { validateVolumeRequest } from './validate-storage';
import { validateTask } from './validate-task';

export function validateGroup(tg: TaskGroup, job: Job): string[] {
  const errs: string[] = [];
  const type = job.Type;
  if (tg.Name === '') errs.push('Missing task group name');
  else if (tg.Name.includes('\0')) errs.push('Task group name contains null character');
  if (tg.Count < 0) errs.push("Task group count can't be negative");
  const tasks = tg.Tasks ?? [];
  if (tasks.length === 0) errs.push('Missing tasks for task group');
  if (tg.MaxRunDuration !== null) {
    if (BigInt(tg.MaxRunDuration) <= 0n) errs.push('MaxRunDuration must be greater than zero');
    if (type !== 'batch' && type !== 'sysbatch') {
      errs.push(`Job type ${goQuote(type)} does not allow max_run_duration`);
    }
  }
  wrapEach(errs, tg.Constraints, 'Constraint', validateConstraint);
  if (type === 'system') {
    if (tg.Affinities !== null) errs.push('System jobs may not have an affinity block');
  } else {
    wrapEach(errs, tg.Affinities, 'Affinity', validateAffinity);
  }
  if (tg.RestartPolicy) errs.push(...validateRestart(tg.RestartPolicy));
  else errs.push(`Task Group ${tg.Name} should have a restart policy`);
  if (type === 'system') {
    if (tg.Spreads !== null) errs.push('System jobs may not have a spread block');
  } else {
    wrapEach(errs, tg.Spreads, 'Spread', validateSpread);
  }
  if (type === 'system' || type === 'sysbatch') {
    if (tg.ReschedulePolicy)
      errs.push('System or sysbatch jobs should not have a reschedule policy');
  } else if (tg.ReschedulePolicy) {
    errs.push(...validateReschedule(tg.ReschedulePolicy));
  } else {
    errs.push(`Task Group ${tg.Name} should have a reschedule policy`);
  }
  if (!tg.EphemeralDisk) errs.push(`Task Group ${tg.Name} should have an ephemeral disk object`);
  else if (tg.EphemeralDisk.SizeMB < 10)
    errs.push(`minimum DiskMB value is 10; got ${tg.EphemeralDisk.SizeMB}`);
  if (tg.Update) {
    if (type !== 'service' && type !== 'system')
      errs.push(`Job type ${goQuote(type)} does not allow update block`);
    errs.push(...validateUpdate(tg.Update));
  }
  if (tg.Migrate) {
    if (type === 'service') errs.push(...validateMigrate(tg.Migrate));
    else errs.push(`Job type ${goQuote(type)} does not allow migrate block`);
  }
  const seen = new Map<string, number>();
  tasks.forEach((t, i) => {
    const existing = seen.get(t.Name);
    if (t.Name === '') errs.push(`Task ${i + 1} missing name`);
    else if (existing !== undefined)
      errs.push(`Task ${i + 1} redefines '${t.Name}' from task ${existing + 1}`);
    else seen.set(t.Name, i);
  });
  if (tasks.filter((t) => t.Leader).length > 1) errs.push('Only one task may be marked as leader');
  const mainTasks = tasks.filter((t) => t.Lifecycle === null || t.Lifecycle.Hook === '').length;
  if (tasks.length > 0 && mainTasks === 0)
    errs.push(`Task group ${tg.Name} must have at least one main task`);
  const canaries = tg.Update?.Canary ?? 0;
  for (const [name, v] of Object.entries(tg.Volumes ?? {})) {
    const inner = validateVolumeRequest(v, type, tg.Count, canaries);
    // An unknown type is a plain error; everything else is a multierror's text.
    const text = v.Type !== 'host' && v.Type !== 'csi' ? inner[0] : nested(inner);
    if (inner.length > 0) errs.push(`Task group volume validation for ${name} failed: ${text}`);
  }
  const network = validateNetworks(tg);
  if (network.length > 0) errs.push(`Task group network validation failed: ${nested(network)}`);
  const services = validateGroupServices(tg);
  if (services.length > 0) errs.push(`Task group service validation failed: ${nested(services)}`);
  const scripts = validateGroupScriptChecks(tg);
  if (scripts.length > 0)
    errs.push(`Task group service check validation failed: ${nested(scripts)}`);
  const scaling = validateScaling(tg);
  if (scaling.length > 0)
    errs.push(`Task group scaling policy validation failed: ${nested(scaling)}`);
  for (const t of tasks) {
    const inner = validateTask(t, type, tg);
    if (inner.length > 0) errs.push(`Task ${t.Name} validation failed: ${nested(inner)}`);
  }
  return errs;
}

function validateScaling(tg: TaskGroup): string[] {
  const s = tg.Scaling;
  if (!s) return [];
  const errs: string[] = [];
  if (s.Max < 0)
    errs.push('Scaling policy invalid: maximum count must be specified and non-negative');
  else if (s.Max < s.Min)
    errs.push('Scaling policy invalid: maximum count must not be less than minimum count');
  if (s.Min < 0)
    errs.push('Scaling policy invalid: minimum count must be specified and non-negative');
  if (s.Max < tg.Count) {
    errs.push(
      'Scaling policy invalid: task group count must not be greater than maximum count in scaling policy',
    );
  }
  if (tg.Count < s.Min) {
    errs.push(
      'Scaling policy invalid: task group count must not be less than minimum count in scaling policy',
    );
  }
  return errs;
}

/** `<What> <n> validation failed: <nested errors>`, 1-based, as Nomad words it. */
export function wrapEach<T>(
  into: string[],
  list: T[] | null,
  what: string,
  check: (x: T) => string[],
): void {
  (list ?? []).forEach((x, i) => {
    const inner = check(x);
    if (inner.length > 0) into.push(`${what} ${i + 1} validation failed: ${nested(inner)}`);
  });
}
