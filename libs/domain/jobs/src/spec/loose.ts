// Reading Nomad's loose (decoded) shapes: Go fills zero values where JSON had no key or null.
import type { Nanos } from '@caravan/nomad-api';

export type Maybe<T> = T | null | undefined;

export const str = (v: Maybe<string>): string => v ?? '';
export const num = (v: Maybe<number>): number => v ?? 0;
export const bool = (v: Maybe<boolean>): boolean => v ?? false;
export const nanos = (v: Maybe<Nanos>): Nanos => v ?? 0;

export function isZero(v: Maybe<Nanos>): boolean {
  return v === null || v === undefined || v === 0 || v === 0n;
}

/** Go treats an empty map or slice like nil in the places Nomad canonicalizes; so do we. */
export function nonEmptyMap<V>(m: Maybe<Record<string, Maybe<V>>>): Record<string, V> | null {
  if (!m || Object.keys(m).length === 0) return null;
  return { ...(m as Record<string, V>) };
}

export function nonEmptyList<T>(l: Maybe<readonly Maybe<T>[]>): T[] | null {
  if (!l || l.length === 0) return null;
  return l.filter((x): x is T => x !== null && x !== undefined);
}

/** A list as given: null stays null, [] stays []. Null entries are dropped. */
export function listAsGiven<T>(l: Maybe<readonly Maybe<T>[]>): T[] | null {
  if (!l) return null;
  return l.filter((x): x is T => x !== null && x !== undefined);
}

/** Compare nanosecond values that may be bigint. */
export function nanosCompare(a: Nanos, b: Nanos): number {
  const d = BigInt(a) - BigInt(b);
  return d < 0n ? -1 : d > 0n ? 1 : 0;
}

/** `base` with every field the loose block actually sets laid over it (Nomad's Merge). */
export function overlay<T extends object>(base: T, block: Maybe<object>): T {
  if (!block) return { ...base };
  const out = { ...base } as Record<string, unknown>;
  for (const [k, v] of Object.entries(block)) if (v !== null && v !== undefined) out[k] = v;
  return out as T;
}
