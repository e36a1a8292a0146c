// Go's time.ParseDuration grammar: an optional sign, then one or more "<decimal><unit>"
// terms ("1h15m", "1.5s", "100ms"); a bare "0" is allowed. Units: ns, us, µs, μs, ms, s, m, h.

const NS_PER_UNIT: Readonly<Record<string, number>> = {
  ns: 1,
  us: 1e3,
  µs: 1e3, // U+00B5 micro sign
  μs: 1e3, // U+03BC Greek mu
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

const TERM = /(\d*)(?:\.(\d*))?([^\d.]+)/y;
const MAX_INT64_NS = 2 ** 63 - 1; // as a double: 2^63; Go rejects anything above int64

/** Nanoseconds, or undefined where Go would return an error. Precision beyond 2^53 ns is irrelevant here. */
export function parseGoDuration(text: string): number | undefined {
  let rest = text;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('+')) {
    sign = rest.startsWith('-') ? -1 : 1;
    rest = rest.slice(1);
  }
  if (rest === '0') return 0;
  if (rest === '') return undefined;
  let total = 0;
  TERM.lastIndex = 0;
  while (TERM.lastIndex < rest.length) {
    const start = TERM.lastIndex;
    const m = TERM.exec(rest);
    if (m === null || m.index !== start) return undefined;
    const [, whole = '', frac, unit = ''] = m;
    if (whole === '' && (frac === undefined || frac === '')) return undefined; // "s", ".s"
    const perUnit = NS_PER_UNIT[unit];
    if (perUnit === undefined) return undefined;
    total += Number(`${whole === '' ? '0' : whole}.${frac ?? '0'}`) * perUnit;
    if (total > MAX_INT64_NS) return undefined;
  }
  return sign * total;
}
