// Nomad's ReschedulePolicy.Validate, including the attempts-versus-interval cross check
// (viableAttempts). Durations are int64 nanoseconds in Go; we compute with bigint and wrap
// products to 64 bits where Go would, but evaluate long tails in closed form so that a huge
// Attempts value cannot stall the event loop (Nomad loops over every attempt).
import type { Nanos, ReschedulePolicy } from '@caravan/nomad-api';
import { goDuration, goQuote } from './go-format';
import { SECOND } from './spec.defaults';

const n = (v: Nanos): bigint => BigInt(v);
const i64 = (v: bigint): bigint => BigInt.asIntN(64, v);
const MIN_DELAY = n(5 * SECOND);

export function validateReschedule(r: ReschedulePolicy): string[] {
  if (!(r.Attempts > 0 || r.Unlimited)) return [];
  const errs: string[] = [];
  if (r.Attempts > 0) {
    if (n(r.Interval) <= 0n) errs.push('Interval must be a non zero value if Attempts > 0');
    if (r.Unlimited) {
      errs.push(
        `Reschedule Policy with Attempts = ${r.Attempts}, Interval = ${goDuration(r.Interval)}, and Unlimited = true is ambiguous`,
      );
      errs.push('If Attempts >0, Unlimited cannot also be set to true');
    }
  }
  let delayPreCheck = true;
  if (n(r.Delay) < MIN_DELAY) {
    errs.push(`Delay cannot be less than 5s (got ${goDuration(r.Delay)})`);
    delayPreCheck = false;
  }
  if (!['constant', 'exponential', 'fibonacci'].includes(r.DelayFunction)) {
    errs.push(
      `Invalid delay function ${goQuote(r.DelayFunction)}, must be one of ["constant" "exponential" "fibonacci"]`,
    );
    delayPreCheck = false;
  }
  if (r.DelayFunction !== 'constant') {
    // Nomad prints Delay (not MaxDelay) in this message.
    if (n(r.MaxDelay) < MIN_DELAY) {
      errs.push(`Max Delay cannot be less than 5s (got ${goDuration(r.Delay)})`);
      delayPreCheck = false;
    }
    if (n(r.MaxDelay) < n(r.Delay)) {
      errs.push(
        `Max Delay cannot be less than Delay ${goDuration(r.Delay)} (got ${goDuration(r.MaxDelay)})`,
      );
      delayPreCheck = false;
    }
  }
  if (!r.Unlimited) {
    if (n(r.Interval) < n(15 * SECOND)) {
      errs.push(`Interval cannot be less than 15s (got ${goDuration(r.Interval)})`);
    }
    if (delayPreCheck) errs.push(...validateDelayParams(r));
  }
  return errs;
}

function validateDelayParams(r: ReschedulePolicy): string[] {
  const v = viableAttempts(r);
  if (v.ok) return [];
  const [interval, delay] = [goDuration(r.Interval), goDuration(r.Delay)];
  const first =
    r.DelayFunction === 'constant'
      ? `Nomad can only make ${v.possible} attempts in ${interval} with initial delay ${delay} and delay function "constant"`
      : `Nomad can only make ${v.possible} attempts in ${interval} with initial delay ${delay}, delay function ${goQuote(r.DelayFunction)}, and delay ceiling ${goDuration(r.MaxDelay)}`;
  return [
    first,
    `Set the interval to at least ${goDuration(roundToSecond(v.recommended))} to accommodate ${r.Attempts} attempts`,
  ];
}

interface Viability {
  ok: boolean;
  possible: bigint;
  recommended: bigint;
}

function viableAttempts(r: ReschedulePolicy): Viability {
  const [attempts, interval, delay, max] = [
    BigInt(r.Attempts),
    n(r.Interval),
    n(r.Delay),
    n(r.MaxDelay),
  ];
  if (r.DelayFunction === 'constant') {
    const recommended = i64(attempts * delay);
    if (interval >= recommended) return { ok: true, possible: 0n, recommended };
    return { ok: false, possible: clampZero(interval / delay), recommended };
  }
  if (r.DelayFunction === 'exponential') return exponential(attempts, interval, delay, max);
  return fibonacci(attempts, interval, delay, max);
}

function exponential(attempts: bigint, interval: bigint, delay: bigint, max: bigint): Viability {
  let possible = 0n;
  let recommended = 0n;
  const direct = attempts < 64n ? attempts : 64n;
  // float64(2^i) converted to int64: exact below 63, then the amd64 out-of-range value.
  const step = (i: bigint): bigint => i64((i < 63n ? 1n << i : -(1n << 63n)) * delay);
  for (let i = 0n; i < direct; i++) {
    const next = step(i);
    recommended = next > max ? recommended + max : next;
    if (recommended < interval) possible++;
  }
  const rest = attempts - direct;
  if (rest > 0n) {
    const next = step(63n);
    if (next > max) {
      // recommended grows by max each step; count the steps that stay below the interval.
      const room = interval - recommended - 1n;
      possible += room < 0n ? 0n : min(rest, room / max);
      recommended += rest * max;
    } else {
      recommended = next;
      if (next < interval) possible += rest;
    }
  }
  return { ok: possible >= attempts, possible: clampZero(possible), recommended };
}

function fibonacci(attempts: bigint, interval: bigint, delay: bigint, max: bigint): Viability {
  // slots[0] = slots[1] = delay; slot i = slot i-1 + slot i-2 until the ceiling, then + max.
  const count = attempts > 2n ? attempts : 2n;
  let [prev2, prev1] = [delay, delay];
  let index = 1n;
  let firstOver: bigint | null = delay > interval ? 0n : null;
  let ceiling = false;
  while (!ceiling && index + 1n < count) {
    let next = i64(prev1 + prev2);
    if (next > max) [next, ceiling] = [max, true];
    [prev2, prev1, index] = [prev1, next, index + 1n];
    if (firstOver === null && next > interval) firstOver = index;
  }
  // Past the ceiling the slots grow linearly; jump to the last one.
  const remaining = count - 1n - index;
  const last = prev1 + remaining * max;
  if (firstOver === null && remaining > 0n && last > interval) {
    firstOver = index + (interval - prev1) / max + 1n;
  }
  if (interval >= last) return { ok: true, possible: 0n, recommended: last };
  return { ok: false, possible: firstOver ?? 0n, recommended: last };
}

/** Go's Duration.Round(time.Second): halfway rounds away from zero. */
function roundToSecond(d: bigint): bigint {
  const s = n(SECOND);
  const neg = d < 0n;
  const abs = neg ? -d : d;
  const r = abs % s;
  const rounded = r + r < s ? abs - r : abs + s - r;
  return neg ? -rounded : rounded;
}

const clampZero = (v: bigint): bigint => (v < 0n ? 0n : v);
const min = (a: bigint, b: bigint): bigint => (a < b ? a : b);
