// Nested blocks, sets and named lists: the ObjectDiff half of Nomad's job diff.
import { assertNever } from '@caravan/domain/shared';
import { deepEqual } from '../spec/job-spec-changed';
import type { DiffType, FieldDiff, ObjectDiff } from './job-diff.types';
import { cmp, fieldDiffs, flattenDeep, flattenPrimitives, sortFields } from './diff-fields';

const NO_SKIP: ReadonlySet<string> = new Set();

/** How a block relates to its predecessor; deep equality decides Edited against None. */
export function diffType(old: unknown, next: unknown): DiffType {
  if (old == null && next == null) return 'None';
  if (old == null) return 'Added';
  if (next == null) return 'Deleted';
  return deepEqual(old, next) ? 'None' : 'Edited';
}

export interface BlockOptions<T> {
  /** Fields Nomad leaves out of this block's diff (`Stagger` in a group's Update...). */
  skip?: ReadonlySet<string>;
  /** Free-form blocks (a driver's Config) show every leaf, not just primitives. */
  deep?: boolean;
  /** Blocks nested inside this one (Resources' Network, a Service's Check...). */
  children?: (old: T | null, next: T | null) => ObjectDiff[];
}

/** One nested block; null when there is nothing to show. */
export function blockDiff<T extends object>(
  name: string,
  old: T | null | undefined,
  next: T | null | undefined,
  contextual: boolean,
  options: BlockOptions<T> = {},
): ObjectDiff | null {
  if (old == null && next == null) return null;
  let type = diffType(old, next);
  if (type === 'None' && !contextual) return null;
  const skip = options.skip ?? NO_SKIP;
  const flat = (block: T | null | undefined) =>
    block == null
      ? new Map<string, string>()
      : options.deep
        ? flattenDeep(block)
        : flattenPrimitives(block, skip);
  const fields = fieldDiffs(flat(old), flat(next), contextual);
  const objects = options.children?.(old ?? null, next ?? null) ?? [];
  // A change only in what this block hides (a dynamic port's Value) is no change to show.
  const shown = [...fields, ...objects].some((d) => d.Type !== 'None');
  if (type === 'Edited' && !shown) type = 'None';
  if (type === 'None' && !contextual) return null;
  return objectDiff(type, name, fields, objects);
}

export function objectDiff(
  type: DiffType,
  name: string,
  fields: FieldDiff[],
  objects: ObjectDiff[],
): ObjectDiff {
  return {
    Type: type,
    Name: name,
    Fields: fields.length ? sortFields(fields) : null,
    Objects: objects.length ? sortObjects(objects) : null,
  };
}

/**
 * A list Nomad treats as a set of items keyed by `key`: items only in `old` are Deleted, only
 * in `next` Added, and items under the same key are compared. Keyed by their whole content
 * (constraints, artifacts) a changed item is one Deleted plus one Added; keyed by a name
 * (services, volumes) it is one Edited.
 */
export function setDiffs<T extends object>(
  name: string,
  old: readonly T[] | null | undefined,
  next: readonly T[] | null | undefined,
  key: (item: T) => string,
  contextual: boolean,
  options: BlockOptions<T> = {},
): ObjectDiff[] {
  const olds = new Map((old ?? []).map((item) => [key(item), item] as const));
  const news = new Map((next ?? []).map((item) => [key(item), item] as const));
  const out: ObjectDiff[] = [];
  for (const k of new Set([...olds.keys(), ...news.keys()])) {
    const diff = blockDiff(name, olds.get(k), news.get(k), contextual, options);
    if (diff) out.push(diff);
  }
  return out;
}

/** A set keyed by everything in the item, as Nomad keys constraints by their string form. */
export function contentKey(item: unknown): string {
  return JSON.stringify(item, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

/**
 * A list of strings diffed as a set (`Datacenters`, a periodic block's `Specs`): one object
 * whose fields all carry the list's name, Added if it only grew, Deleted if it only shrank.
 */
export function stringSetDiff(
  name: string,
  old: readonly string[] | null | undefined,
  next: readonly string[] | null | undefined,
  contextual: boolean,
): ObjectDiff | null {
  const olds = new Set(old ?? []);
  const news = new Set(next ?? []);
  const fields: FieldDiff[] = [];
  let added = false;
  let deleted = false;
  for (const value of new Set([...olds, ...news])) {
    const before = olds.has(value) ? value : '';
    const after = news.has(value) ? value : '';
    added ||= before === '';
    deleted ||= after === '';
    if (before !== after || contextual) {
      const type: DiffType = before === after ? 'None' : before === '' ? 'Added' : 'Deleted';
      fields.push({ Type: type, Name: name, Old: before, New: after, Annotations: null });
    }
  }
  const type: DiffType =
    added && deleted ? 'Edited' : added ? 'Added' : deleted ? 'Deleted' : 'None';
  if (fields.length === 0) return null;
  return objectDiff(type, name, fields, []);
}

/** Nomad lists a block's changes before its context: Edited, Added, Deleted, then None. */
function typeRank(type: DiffType): number {
  switch (type) {
    case 'Edited':
      return 0;
    case 'Added':
      return 1;
    case 'Deleted':
      return 2;
    case 'None':
      return 3;
    default:
      return assertNever(type);
  }
}

export function sortObjects(objects: ObjectDiff[]): ObjectDiff[] {
  return objects.sort(
    (a, b) =>
      cmp(a.Name, b.Name) ||
      typeRank(a.Type) - typeRank(b.Type) ||
      (a.Fields?.length ?? 0) - (b.Fields?.length ?? 0) ||
      (a.Objects?.length ?? 0) - (b.Objects?.length ?? 0),
  );
}

/** Drops the nulls of blocks that had nothing to show. */
export function present(...diffs: (ObjectDiff | null | ObjectDiff[])[]): ObjectDiff[] {
  return diffs.flatMap((d) => (d === null ? [] : Array.isArray(d) ? d : [d]));
}
