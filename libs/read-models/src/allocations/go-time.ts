import type { Nanos } from '@caravan/nomad-api';

// Nomad serves a few times as Go's time.Time (RFC 3339 with nanoseconds, trailing zeros cut)
// rather than int64 nanoseconds: TaskState.StartedAt, FinishedAt, LastRestart.

export const GO_ZERO_TIME = '0001-01-01T00:00:00Z';

/** Unix nanoseconds as Go's time.RFC3339Nano in UTC; null or 0 is Go's zero time. */
export function goTime(value: Nanos | null): string {
  if (value === null) return GO_ZERO_TIME;
  const ns = BigInt(value);
  if (ns === 0n) return GO_ZERO_TIME;
  const seconds = ns / 1_000_000_000n;
  const fraction = ns % 1_000_000_000n;
  const base = new Date(Number(seconds) * 1000).toISOString().slice(0, 19);
  const digits = fraction.toString().padStart(9, '0').replace(/0+$/, '');
  return `${base}${digits === '' ? '' : `.${digits}`}Z`;
}
