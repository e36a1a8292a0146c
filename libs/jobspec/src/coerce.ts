// cty-style conversion of hcl2json values into the Go field types of Nomad's api structs,
// with HCL's diagnostic wording ("Unsuitable value type").

import { DurationError, int64Value, parseGoDuration } from './duration';
import { DecodeProblem } from './jobspec.error';
import type { HclObject, HclValue } from './hcl-parser';

const unsuitable = (name: string, detail: string): DecodeProblem =>
  new DecodeProblem('Unsuitable value type', `Unsuitable value for "${name}": ${detail}`);

const describe = (v: HclValue): string =>
  v === null ? 'null' : Array.isArray(v) ? 'tuple' : typeof v === 'object' ? 'object' : typeof v;

export function isObject(v: HclValue | undefined): v is HclObject {
  return v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v);
}

export function toStringValue(v: HclValue, name: string): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  throw unsuitable(name, `string required, got ${describe(v)}`);
}

export function toIntValue(v: HclValue, name: string): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  if (!Number.isFinite(n)) throw unsuitable(name, `a number is required, got ${describe(v)}`);
  if (!Number.isInteger(n)) throw unsuitable(name, 'value must be a whole number');
  return n;
}

export function toBoolValue(v: HclValue, name: string): boolean {
  if (typeof v === 'boolean') return v;
  if (v === 'true' || v === 'false') return v === 'true';
  throw unsuitable(name, `bool required, got ${describe(v)}`);
}

/** Durations are Go duration strings ("30s") or plain nanosecond numbers. */
export function toDurationValue(v: HclValue, name: string): number | bigint {
  if (typeof v === 'number') return toIntValue(v, name);
  if (typeof v !== 'string') throw unsuitable(name, `expected a string but found ${describe(v)}`);
  try {
    return int64Value(parseGoDuration(v));
  } catch (err) {
    if (err instanceof DurationError) {
      throw new DecodeProblem('Unsuitable value type', `Unsuitable duration value: ${err.message}`);
    }
    throw err;
  }
}

export function toStringList(v: HclValue, name: string): string[] {
  if (!Array.isArray(v)) throw unsuitable(name, `list of string required, got ${describe(v)}`);
  return v.map((item) => toStringValue(item, name));
}

/**
 * The single body of a block that may appear at most once. jobspec2 also accepts attribute
 * syntax for blocks (`update = { ... }`), which hcl2json hands over as a plain object.
 */
export function singleBody(v: HclValue, name: string): HclObject {
  if (isObject(v)) return v;
  if (Array.isArray(v) && v.length === 1 && isObject(v[0])) return v[0];
  if (Array.isArray(v) && v.length > 1) {
    throw new DecodeProblem(`Duplicate ${name} block`, `Only one ${name} block is allowed.`);
  }
  throw unsuitable(name, `a block is required, got ${describe(v)}`);
}

/** The bodies of a repeatable block (or its attribute-syntax list/object). */
export function manyBodies(v: HclValue, name: string): HclObject[] {
  const items = Array.isArray(v) ? v : [v];
  return items.map((item) => {
    if (!isObject(item)) throw unsuitable(name, `a block is required, got ${describe(item)}`);
    return item;
  });
}

export function toStringMap(v: HclValue, name: string): Record<string, string> {
  const body = singleBody(v, name);
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(body))
    out[key] = toStringValue(value, `${name}.${key}`);
  return out;
}
