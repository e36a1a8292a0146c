// validateJob: Nomad's Job.Validate plus the "validate" admission hook (type _core, payload,
// priority range, job_max_count), on a canonical job. Returns the flat top-level error list;
// formatMultiError turns it into the HTTP 500 body. Namespace and node-pool existence depend
// on state and are checked by the caller.
import type { Job } from '@caravan/nomad-api';
import { formatMultiError, goQuote, nested } from './go-format';
import {
  validateAffinity,
  validateConstraint,
  validateParameterized,
  validatePeriodic,
  validateSpread,
} from './validate-blocks';
import { validateGroup, wrapEach } from './validate-group';

export { formatMultiError };

export interface ValidateOptions {
  /** Server `job_max_priority` (default 100). */
  maxPriority?: number;
  /** Server `job_max_count` (default 50000; 0 disables the check). */
  maxCount?: number;
}

const MAX_DESCRIPTION = 1000;

export function validateJob(job: Job, opts: ValidateOptions = {}): string[] {
  const errs = validateJobSpec(job);
  if (job.Type === '_core') errs.push('job type cannot be core');
  if (job.Payload !== null && job.Payload.length > 0) {
    errs.push("job can't be submitted with a payload, only dispatched");
  }
  const maxPriority = opts.maxPriority ?? 100;
  if (job.Priority < 1 || job.Priority > maxPriority) {
    errs.push(`job priority must be between [1, ${maxPriority}]`);
  }
  const maxCount = opts.maxCount ?? 50000;
  const total = (job.TaskGroups ?? []).reduce((sum, tg) => sum + tg.Count, 0);
  if (maxCount > 0 && total > maxCount) {
    errs.push(`total count was greater than configured job_max_count: ${total} > ${maxCount}`);
  }
  return errs;
}

function validateJobSpec(j: Job): string[] {
  const errs: string[] = [];
  const multiregion = j.Multiregion !== null;
  if (j.Region === '' && !multiregion) errs.push('Missing job region');
  if (j.ID === '') errs.push('Missing job ID');
  else if (j.ID.includes(' ')) errs.push('Job ID contains a space');
  else if (j.ID.includes('\0')) errs.push('Job ID contains a null character');
  if (j.Name === '') errs.push('Missing job name');
  else if (j.Name.includes('\0')) errs.push('Job Name contains a null character');
  if (j.Namespace === '') errs.push('Job must be in a namespace');
  if (j.Type === '') errs.push('Missing job type');
  else if (!['_core', 'service', 'batch', 'system', 'sysbatch'].includes(j.Type)) {
    errs.push(`Invalid job type: ${goQuote(j.Type)}`);
  }
  const dcs = j.Datacenters ?? [];
  if (dcs.length === 0 && !multiregion) errs.push('Missing job datacenters');
  else for (const dc of dcs) if (dc === '') errs.push('Job datacenter must be non-empty string');
  const groups = j.TaskGroups ?? [];
  if (groups.length === 0) errs.push('Missing job task groups');
  wrapEach(errs, j.Constraints, 'Constraint', validateConstraint);
  if (j.Type === 'system') {
    if (j.Affinities !== null) errs.push('System jobs may not have an affinity block');
    if (j.Spreads !== null) errs.push('System jobs may not have a spread block');
  } else {
    wrapEach(errs, j.Affinities, 'Affinity', validateAffinity);
    wrapEach(errs, j.Spreads, 'Spread', validateSpread);
  }
  if (j.UI && j.UI.Description.length > MAX_DESCRIPTION) {
    errs.push(`UI description must be under 1000 characters, currently ${j.UI.Description.length}`);
  }
  if (j.VersionTag && j.VersionTag.Description.length > MAX_DESCRIPTION) {
    errs.push(
      `Tagged version description must be under 1000 characters, currently ${j.VersionTag.Description.length}`,
    );
  }
  const names = new Map<string, number>();
  groups.forEach((tg, i) => {
    const existing = names.get(tg.Name);
    if (tg.Name === '') errs.push(`Job task group ${i + 1} missing name`);
    else if (existing !== undefined)
      errs.push(`Job task group ${i + 1} redefines '${tg.Name}' from group ${existing + 1}`);
    else names.set(tg.Name, i);
    if (tg.ShutdownDelay !== null && BigInt(tg.ShutdownDelay) < 0n)
      errs.push('ShutdownDelay must be a positive value');
    if (j.Type === 'system' && tg.Count > 1) {
      errs.push(
        `Job task group ${tg.Name} has count ${tg.Count}. Count cannot exceed 1 with system scheduler`,
      );
    }
  });
  for (const tg of groups) {
    const inner = validateGroup(tg, j);
    if (inner.length > 0) errs.push(`Task group ${tg.Name} validation failed: ${nested(inner)}`);
  }
  if (j.Periodic && j.Periodic.Enabled) {
    if (j.Type !== 'batch' && j.Type !== 'sysbatch') {
      errs.push('Periodic can only be used with "batch" or "sysbatch" scheduler');
    }
    pushAsOne(errs, validatePeriodic(j.Periodic));
  }
  if (j.ParameterizedJob && !j.Dispatched) {
    if (j.Type !== 'batch' && j.Type !== 'sysbatch') {
      errs.push('Parameterized job can only be used with "batch" or "sysbatch" scheduler');
    }
    pushAsOne(errs, validateParameterized(j.ParameterizedJob));
  }
  return errs;
}

/**
 * Job.Validate appends the periodic and parameterized multierrors as single entries; the
 * admission hook's multierror.Append flattens only one level, so they stay nested text.
 */
function pushAsOne(into: string[], errors: string[]): void {
  const text = nested(errors);
  if (text !== null) into.push(text);
}
