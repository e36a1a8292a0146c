import type { Nanos } from '@caravan/nomad-api';

// The log speaks Nomad's int64 Unix nanoseconds; the pure scheduler computes in milliseconds.
// These two are the only crossings. Nanoseconds are bigint here: a 2026 time in ns is beyond
// 2^53, and a replay must get back exactly the `now` a plan was computed with.

export function nanosToMs(value: Nanos | null | undefined): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'bigint') return Number(value / 1_000_000n);
  return Math.floor(value / 1_000_000);
}

export function msToNanos(ms: number): bigint {
  return BigInt(Math.trunc(ms)) * 1_000_000n;
}
