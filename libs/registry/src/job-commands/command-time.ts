import { randomUUID } from 'node:crypto';

/** Unix nanoseconds as Nomad stamps SubmitTime: the registry's clock at handling time. */
export function nowNanos(): bigint {
  const ms = Date.now();
  const subMs = Math.floor((performance.now() % 1) * 1_000_000);
  return BigInt(ms) * 1_000_000n + BigInt(subMs);
}

export function newEvalId(): string {
  return randomUUID();
}
