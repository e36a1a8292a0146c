// Flattening and field comparison: how Nomad turns a block into `Name`, `Meta[key]`,
// `args[0]` strings before comparing them (its helper/flatmap).
import type { DiffType, FieldDiff } from './job-diff.types';

/** A flattened block: path → Go's `%v` of the leaf. */
export type Flat = Map<string, string>;

/** Go's `%v` of a wire leaf. Nanos past 2^53 arrive as bigint and print the same way. */
export function leaf(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return value;
    case 'number':
    case 'bigint':
    case 'boolean':
      return String(value);
    default:
      return undefined;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Go tells a map from a struct by its type; on the wire both are objects, so the string maps
 * that count as fields are named here.
 */
const STRING_MAPS: ReadonlySet<string> = new Set(['Meta', 'Env']);

/**
 * The "fields" of a job, group or task: its own primitives and its maps of primitives
 * (`Meta[owner]`, `Env[FOO]`). Nested blocks and lists are objects or sets, diffed elsewhere;
 * a null leaf (a nil pointer in Go) is simply absent, which compares like "".
 */
export function flattenPrimitives(block: object | null, skip: ReadonlySet<string>): Flat {
  const flat: Flat = new Map();
  if (block === null) return flat;
  for (const [key, value] of Object.entries(block)) {
    if (skip.has(key)) continue;
    const text = leaf(value);
    if (text !== undefined) flat.set(key, text);
    else if (STRING_MAPS.has(key) && isRecord(value)) {
      for (const [k, v] of Object.entries(value)) {
        const inner = leaf(v);
        if (inner !== undefined) flat.set(`${key}[${k}]`, inner);
      }
    }
  }
  return flat;
}

/**
 * Every leaf of a free-form block, as a driver's `Config` is shown: nested maps joined with
 * `.` at the top and `[key]` below, list items as `[i]` (`args[0]`, `port_map[0][http]`).
 */
export function flattenDeep(value: unknown, prefix = '', flat: Flat = new Map()): Flat {
  const text = leaf(value);
  if (text !== undefined) {
    flat.set(prefix, text);
  } else if (Array.isArray(value)) {
    value.forEach((item, i) => flattenDeep(item, `${prefix}[${i}]`, flat));
  } else if (isRecord(value)) {
    for (const [k, v] of Object.entries(value)) {
      flattenDeep(v, prefix === '' ? k : `${prefix}[${k}]`, flat);
    }
  }
  return flat;
}

/** An empty side means the field came or went, as Nomad reads "" on either side. */
export function fieldDiff(
  name: string,
  old: string,
  next: string,
  contextual: boolean,
): FieldDiff | null {
  let type: DiffType;
  if (old === next) type = 'None';
  else if (old === '') type = 'Added';
  else if (next === '') type = 'Deleted';
  else type = 'Edited';
  if (type === 'None' && !contextual) return null;
  return { Type: type, Name: name, Old: old, New: next, Annotations: null };
}

export function fieldDiffs(old: Flat, next: Flat, contextual: boolean): FieldDiff[] {
  const names = new Set([...old.keys(), ...next.keys()]);
  const out: FieldDiff[] = [];
  for (const name of names) {
    const diff = fieldDiff(name, old.get(name) ?? '', next.get(name) ?? '', contextual);
    if (diff) out.push(diff);
  }
  return sortFields(out);
}

export function sortFields(fields: FieldDiff[]): FieldDiff[] {
  return fields.sort((a, b) => cmp(a.Name, b.Name) || cmp(a.Old, b.Old) || cmp(a.New, b.New));
}

export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
