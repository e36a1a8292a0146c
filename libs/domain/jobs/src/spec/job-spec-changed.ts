// Nomad's Job.SpecChanged: does a register create a new version? Everything counts except
// the fields the server owns for bookkeeping.
import type { Job } from '@caravan/nomad-api';

/** Fields Nomad copies from the stored job onto the candidate before comparing. */
const IGNORED: readonly (keyof Job)[] = [
  'Status',
  'StatusDescription',
  'Stable',
  'Version',
  'CreateIndex',
  'ModifyIndex',
  'JobModifyIndex',
  'SubmitTime',
];

/**
 * Both jobs must be canonical (canonicalizeJob): like Go's reflect.DeepEqual, null and an
 * empty list differ here. Stop, Meta, counts, VersionTag, NomadTokenID and scaling-policy IDs
 * all count as changes, so callers must carry scaling IDs over before comparing.
 */
export function jobSpecChanged(previous: Job | null, next: Job): boolean {
  if (previous === null) return true;
  const candidate: Record<string, unknown> = { ...next };
  for (const key of IGNORED) candidate[key] = previous[key];
  return !deepEqual(previous, candidate);
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (
    (typeof a === 'number' || typeof a === 'bigint') &&
    (typeof b === 'number' || typeof b === 'bigint')
  ) {
    // A value beyond 2^53 is a bigint on one side only if it was never decoded the same way.
    return Number.isInteger(a) || typeof a === 'bigint'
      ? (Number.isInteger(b) || typeof b === 'bigint') && BigInt(a) === BigInt(b)
      : false;
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ao), ...Object.keys(bo)]);
  for (const k of keys) if (!deepEqual(ao[k], bo[k])) return false;
  return true;
}
