// Go's text formats that leak into Nomad's error messages.
import type { Nanos } from '@caravan/nomad-api';

/** go-multierror's ListFormatFunc. Nested multierrors are embedded as their own text. */
export function formatMultiError(errors: readonly string[]): string {
  if (errors.length === 1) return `1 error occurred:\n\t* ${errors[0]}\n\n`;
  const points = errors.map((e) => `* ${e}`).join('\n\t');
  return `${errors.length} errors occurred:\n\t${points}\n\n`;
}

/** A wrapped child error list as Go's `%v` of a *multierror.Error prints it, or null when empty. */
export function nested(errors: readonly string[]): string | null {
  return errors.length === 0 ? null : formatMultiError(errors);
}

/** Go's time.Duration.String(): "0s", "300ms", "5s", "1m30s", "1h0m0s". */
export function goDuration(value: Nanos): string {
  let n = BigInt(value);
  if (n === 0n) return '0s';
  const sign = n < 0n ? '-' : '';
  if (n < 0n) n = -n;
  if (n < 1_000_000_000n) {
    const [unit, scale] =
      n < 1_000n ? ['ns', 1n] : n < 1_000_000n ? ['µs', 1_000n] : ['ms', 1_000_000n];
    return sign + fraction(n, scale) + unit;
  }
  const hours = n / 3_600_000_000_000n;
  const minutes = (n / 60_000_000_000n) % 60n;
  const seconds = fraction(n % 60_000_000_000n, 1_000_000_000n) + 's';
  if (hours > 0n) return `${sign}${hours}h${minutes}m${seconds}`;
  if (minutes > 0n) return `${sign}${minutes}m${seconds}`;
  return sign + seconds;
}

function fraction(n: bigint, scale: bigint): string {
  const whole = n / scale;
  const rest = n % scale;
  if (rest === 0n) return whole.toString();
  const digits = scale.toString().length - 1;
  return `${whole}.${rest.toString().padStart(digits, '0').replace(/0+$/, '')}`;
}

/** Go's `%q` for plain strings (close enough: JSON escaping matches for printable text). */
export const goQuote = (s: string): string => JSON.stringify(s);

/** Go's `%v` of a []string: "[a b]". */
export const goList = (l: readonly string[]): string => `[${l.join(' ')}]`;
