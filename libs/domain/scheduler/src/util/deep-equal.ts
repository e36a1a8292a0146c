// Structural equality for job spec fragments. Go's nil and empty maps/slices compare equal in the
// checks Nomad uses for "did this change", so null, undefined, {} and [] are all "empty" here.

export function isEmpty(v: unknown): boolean {
  if (v === null || v === undefined) return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object') return Object.keys(v).length === 0;
  return false;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (isEmpty(a) && isEmpty(b)) return true;
  // Durations decode as number or bigint; 5n and 5 are the same duration.
  if (typeof a === 'bigint' || typeof b === 'bigint') return sameInteger(a, b);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => deepEqual(x, b[i]));
  }
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(ra), ...Object.keys(rb)]);
  for (const k of keys) if (!deepEqual(ra[k], rb[k])) return false;
  return true;
}

function sameInteger(a: unknown, b: unknown): boolean {
  const asBig = (v: unknown): bigint | null =>
    typeof v === 'bigint' ? v : typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : null;
  const x = asBig(a);
  const y = asBig(b);
  return x !== null && x === y;
}
