// Nomad's Task.Validate and Resources.Validate (messages verbatim, nesting as Nomad nests).
import type { EphemeralDisk, Resources, Task, TaskGroup } from '@caravan/nomad-api';
import { goDuration, nested } from './go-format';
import { validateAffinity, validateConstraint } from './validate-blocks';
import { validateTaskServices } from './validate-services';
import { validateVolumeMount } from './validate-storage';
import { validateArtifact, validateTemplate } from './validate-task-files';

export function validateTask(t: Task, jobType: string, tg: TaskGroup): string[] {
  const errs: string[] = [];
  if (t.Name === '') errs.push('Missing task name');
  if (t.Name === 'alloc') errs.push('Task cannot be named "alloc"');
  if (/[/\\]/.test(t.Name)) errs.push('Task name cannot include slashes');
  else if (t.Name.includes('\0')) errs.push('Task name cannot include null characters');
  if (t.Driver === '') errs.push('Missing task driver');
  const kill = BigInt(t.KillTimeout);
  if (kill < 0n) {
    errs.push('KillTimeout must be a positive value');
  } else if (jobType === 'service' && tg.Update) {
    const progress = BigInt(tg.Update.ProgressDeadline);
    if (progress > 0n && kill > progress) {
      // Nomad's message really says "KillTimout".
      errs.push(
        `KillTimout (${goDuration(kill)}) longer than the group's ProgressDeadline (${goDuration(progress)})`,
      );
    }
  }
  if (BigInt(t.ShutdownDelay) < 0n) errs.push('ShutdownDelay must be a positive value');
  if (!t.Resources) errs.push('Missing task resources');
  else pushNested(errs, validateResources(t.Resources));
  if (!t.LogConfig) errs.push('Missing Log Config');
  else pushNested(errs, validateLogConfig(t.LogConfig, tg.EphemeralDisk));
  (t.Constraints ?? []).forEach((c, i) => {
    const inner = validateConstraint(c);
    if (inner.length > 0) errs.push(`Constraint ${i + 1} validation failed: ${nested(inner)}`);
    if (c.Operand === 'distinct_hosts' || c.Operand === 'distinct_property') {
      errs.push(`Constraint ${i + 1} has disallowed Operand at task level: ${c.Operand}`);
    }
  });
  if (jobType === 'system') {
    if (t.Affinities !== null) errs.push('System jobs may not have an affinity block');
  } else {
    (t.Affinities ?? []).forEach((a, i) => {
      const inner = validateAffinity(a);
      if (inner.length > 0) errs.push(`Affinity ${i + 1} validation failed: ${nested(inner)}`);
    });
  }
  pushNested(errs, validateTaskServices(t, tg.Networks));
  (t.Artifacts ?? []).forEach((a, i) => {
    const inner = validateArtifact(a);
    if (inner.length > 0) errs.push(`Artifact ${i + 1} validation failed: ${nested(inner)}`);
  });
  const destinations = new Map<string, number>();
  (t.Templates ?? []).forEach((tmpl, i) => {
    const inner = validateTemplate(tmpl);
    if (inner.length > 0) errs.push(`Template ${i + 1} validation failed: ${nested(inner)}`);
    const other = destinations.get(tmpl.DestPath);
    if (other !== undefined) errs.push(`Template ${i + 1} has same destination as ${other}`);
    else destinations.set(tmpl.DestPath, i + 1);
  });
  if (t.Lifecycle && !['prestart', 'poststart', 'poststop'].includes(t.Lifecycle.Hook)) {
    const inner =
      t.Lifecycle.Hook === '' ? 'no lifecycle hook provided' : `invalid hook: ${t.Lifecycle.Hook}`;
    errs.push(`Lifecycle validation failed: ${inner}`);
  }
  (t.VolumeMounts ?? []).forEach((vm, i) => {
    if (!tg.Volumes || !(vm.Volume in tg.Volumes)) {
      errs.push(`Volume Mount (${i}) references undefined volume ${vm.Volume}`);
    }
    const inner = nested(validateVolumeMount(vm));
    if (inner !== null) errs.push(`Volume Mount (${i}) is invalid: "${inner}"`);
  });
  return errs;
}

export function validateResources(r: Resources): string[] {
  const errs: string[] = [];
  if (r.Cores > 0 && r.CPU > 0)
    errs.push("Task can only ask for 'cpu' or 'cores' resource, not both.");
  if (r.Cores < 0) errs.push(`cores value (${r.Cores}) cannot be negative`);
  const minimums: string[] = [];
  if (r.CPU < 1 && r.Cores === 0) minimums.push(`minimum CPU value is 1; got ${r.CPU}`);
  if (r.MemoryMB < 10) minimums.push(`minimum MemoryMB value is 10; got ${r.MemoryMB}`);
  pushNested(errs, minimums);
  if (r.DiskMB > 0) {
    errs.push(
      "Task can't ask for disk resources, they have to be specified at the task group level.",
    );
  }
  // -1 means "no limit" in Nomad.
  if (r.MemoryMaxMB !== 0 && r.MemoryMaxMB !== -1 && r.MemoryMaxMB < r.MemoryMB) {
    errs.push(
      `MemoryMaxMB value (${r.MemoryMaxMB}) should be larger than MemoryMB value (${r.MemoryMB})`,
    );
  }
  if (r.SecretsMB > r.MemoryMB) {
    errs.push(
      `SecretsMB value (${r.SecretsMB}) cannot be larger than MemoryMB value (${r.MemoryMB})`,
    );
  }
  if (r.SecretsMB < 0) errs.push(`SecretsMB value (${r.SecretsMB}) cannot be negative`);
  return errs;
}

function validateLogConfig(
  l: { MaxFiles: number; MaxFileSizeMB: number },
  disk: EphemeralDisk | null,
): string[] {
  const errs: string[] = [];
  if (l.MaxFiles < 1) errs.push(`minimum number of files is 1; got ${l.MaxFiles}`);
  if (l.MaxFileSizeMB < 1) errs.push(`minimum file size is 1MB; got ${l.MaxFileSizeMB}`);
  const usage = l.MaxFiles * l.MaxFileSizeMB;
  if (disk && disk.SizeMB <= usage) {
    errs.push(
      `log storage (${usage} MB) must be less than requested disk capacity (${disk.SizeMB} MB)`,
    );
  }
  return errs;
}

/** Nomad appends a child *multierror.Error unflattened: one entry holding its formatted text. */
function pushNested(into: string[], errors: string[]): void {
  const text = nested(errors);
  if (text !== null) into.push(text);
}
