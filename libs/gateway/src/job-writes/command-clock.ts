/**
 * The one clock of a command: Unix nanoseconds when the gateway accepted it, as Nomad stamps
 * SubmitTime. Date.now() has only milliseconds; the sub-millisecond part comes from the
 * monotonic clock so that two commands in the same millisecond rarely share a time.
 */
export function unixNanos(): bigint {
  const ms = Date.now();
  const subMs = Math.floor((performance.now() % 1) * 1_000_000);
  return BigInt(ms) * 1_000_000n + BigInt(subMs);
}
