// Go's time.ParseDuration, exactly: durations in jobspecs are strings like "30s" or "1h30m"
// and become int64 nanoseconds. Computed in bigint so values beyond 2^53 stay exact.

const UNITS: Readonly<Record<string, bigint>> = {
  ns: 1n,
  us: 1_000n,
  µs: 1_000n, // U+00B5 micro sign
  μs: 1_000n, // U+03BC Greek mu
  ms: 1_000_000n,
  s: 1_000_000_000n,
  m: 60_000_000_000n,
  h: 3_600_000_000_000n,
};
const MAX_INT64 = (1n << 63n) - 1n;

export class DurationError extends Error {}

// Go quotes with strconv.Quote; JSON string quoting matches it for printable input.
const quote = (s: string): string => JSON.stringify(s);

export function parseGoDuration(input: string): bigint {
  let s = input;
  let negative = false;
  if (s.startsWith('-') || s.startsWith('+')) {
    negative = s.startsWith('-');
    s = s.slice(1);
  }
  if (s === '0') return 0n;
  if (s === '') throw new DurationError(`time: invalid duration ${quote(input)}`);
  let total = 0n;
  while (s !== '') {
    const m = /^(\d*)(?:\.(\d*))?/.exec(s);
    const whole = m?.[1] ?? '';
    const frac = m?.[2];
    if (whole === '' && (frac === undefined || frac === '')) {
      throw new DurationError(`time: invalid duration ${quote(input)}`);
    }
    s = s.slice(m?.[0].length ?? 0);
    const unitMatch = /^[^\d.]+/.exec(s);
    if (unitMatch === null)
      throw new DurationError(`time: missing unit in duration ${quote(input)}`);
    const unitName = unitMatch[0];
    const unit = UNITS[unitName];
    if (unit === undefined) {
      throw new DurationError(`time: unknown unit ${quote(unitName)} in duration ${quote(input)}`);
    }
    s = s.slice(unitName.length);
    let value = BigInt(whole === '' ? '0' : whole) * unit;
    if (frac !== undefined && frac !== '') {
      value += (BigInt(frac) * unit) / 10n ** BigInt(frac.length);
    }
    total += value;
    if (total > MAX_INT64 + (negative ? 1n : 0n)) {
      throw new DurationError(`time: invalid duration ${quote(input)}`);
    }
  }
  return negative ? -total : total;
}

/** A JSON-ready int64: a plain number while exact, a bigint beyond 2^53. */
export function int64Value(n: bigint): number | bigint {
  return n <= BigInt(Number.MAX_SAFE_INTEGER) && n >= BigInt(Number.MIN_SAFE_INTEGER)
    ? Number(n)
    : n;
}
