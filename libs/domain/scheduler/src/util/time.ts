import type { Nanos } from '@caravan/nomad-api';

// Nomad durations are int64 nanoseconds (number or bigint after decoding); the scheduler
// computes in milliseconds.

export const SECOND_MS = 1000;
export const MINUTE_MS = 60 * SECOND_MS;
export const HOUR_MS = 60 * MINUTE_MS;

export function nanosToMs(value: Nanos | null | undefined): number {
  if (value === null || value === undefined) return 0;
  if (typeof value === 'bigint') return Number(value / 1_000_000n);
  return Math.floor(value / 1_000_000);
}

/** Back to Nomad's nanoseconds, as bigint: a 2026 time in ns is beyond 2^53. */
export function msToNanos(ms: number): bigint {
  return BigInt(Math.trunc(ms)) * 1_000_000n;
}
