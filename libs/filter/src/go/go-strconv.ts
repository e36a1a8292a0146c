// The parts of Go's strconv that go-bexpr uses to coerce a filter's raw value to the type of
// the selected field (ParseBool, ParseInt(s, 0, 64), ParseFloat(s, 64)), with Go's error text,
// since evaluation errors reach the client as `failed to read result page: ...`.

import { goQuote } from './go-quote';

export class GoNumError extends Error {
  constructor(
    readonly func: 'ParseBool' | 'ParseInt' | 'ParseUint' | 'ParseFloat',
    readonly num: string,
    readonly reason: 'invalid syntax' | 'value out of range',
  ) {
    super(`strconv.${func}: parsing ${goQuote(num)}: ${reason}`);
  }
}

const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

export function parseGoBool(s: string): boolean {
  if (TRUE.has(s)) return true;
  if (FALSE.has(s)) return false;
  throw new GoNumError('ParseBool', s, 'invalid syntax');
}

const lower = (c: string): string => c.toLowerCase();
const isDigit = (c: string): boolean => c >= '0' && c <= '9';

/** Go's rule for `_` digit separators: only between digits (a base prefix counts as one). */
export function underscoreOK(input: string): boolean {
  let s = input;
  let saw = '^';
  let i = 0;
  if (s.length >= 1 && (s[0] === '-' || s[0] === '+')) s = s.slice(1);
  let hex = false;
  const p = lower(s[1] ?? '');
  if (s.length >= 2 && s[0] === '0' && (p === 'b' || p === 'o' || p === 'x')) {
    i = 2;
    saw = '0';
    hex = p === 'x';
  }
  for (; i < s.length; i++) {
    const c = s[i] ?? '';
    if (isDigit(c) || (hex && lower(c) >= 'a' && lower(c) <= 'f')) {
      saw = '0';
      continue;
    }
    if (c === '_') {
      if (saw !== '0') return false;
      saw = '_';
      continue;
    }
    if (saw === '_') return false;
    saw = '!';
  }
  return saw !== '_';
}

const INT64_LIMIT = 1n << 63n;
const UINT64_MAX = (1n << 64n) - 1n;

/** ParseUint(s, 0, 64) without the sign; undefined means a syntax error. */
function parseUnsignedBase0(s: string): { value: bigint; overflow: boolean } | undefined {
  if (s.length === 0) return undefined;
  let base = 10n;
  let digits = s;
  if (s[0] === '0') {
    const p = lower(s[1] ?? '');
    if (s.length >= 3 && (p === 'b' || p === 'o' || p === 'x')) {
      base = p === 'b' ? 2n : p === 'o' ? 8n : 16n;
      digits = s.slice(2);
    } else {
      base = 8n;
      digits = s.slice(1);
    }
  }
  let value = 0n;
  let underscores = false;
  let overflow = false;
  for (const c of digits) {
    if (c === '_') {
      underscores = true;
      continue;
    }
    const d = parseInt(c, 36);
    if (Number.isNaN(d) || BigInt(d) >= base) return undefined;
    value = value * base + BigInt(d);
    if (value > UINT64_MAX) overflow = true;
  }
  if (underscores && !underscoreOK(s)) return undefined;
  return { value, overflow };
}

export function parseGoInt64(s0: string): bigint {
  let s = s0;
  let negative = false;
  if (s[0] === '+' || s[0] === '-') {
    negative = s[0] === '-';
    s = s.slice(1);
  }
  const parsed = parseUnsignedBase0(s);
  if (parsed === undefined) throw new GoNumError('ParseInt', s0, 'invalid syntax');
  const { value, overflow } = parsed;
  if (overflow || (!negative && value >= INT64_LIMIT) || (negative && value > INT64_LIMIT)) {
    throw new GoNumError('ParseInt', s0, 'value out of range');
  }
  return negative ? -value : value;
}

export function parseGoUint64(s0: string): bigint {
  const parsed = parseUnsignedBase0(s0);
  if (parsed === undefined) throw new GoNumError('ParseUint', s0, 'invalid syntax');
  if (parsed.overflow) throw new GoNumError('ParseUint', s0, 'value out of range');
  return parsed.value;
}

const DECIMAL = /^[+-]?(?:[0-9_]+\.?[0-9_]*|\.[0-9_]+)(?:[eE][+-]?[0-9_]+)?$/;
const HEX = /^([+-]?)0[xX]([0-9a-fA-F_]*)(?:\.([0-9a-fA-F_]*))?[pP]([+-]?[0-9_]+)$/;
const SPECIAL = /^(?:([+-]?)(?:inf|infinity)|nan)$/i;

export function parseGoFloat64(s: string): number {
  const special = SPECIAL.exec(s);
  if (special !== null) {
    if (special[1] === undefined) return NaN;
    return special[1] === '-' ? -Infinity : Infinity;
  }
  let value: number | undefined;
  const hex = HEX.exec(s);
  if (hex !== null && `${hex[2]}${hex[3] ?? ''}`.replace(/_/g, '') !== '') {
    const intPart = (hex[2] ?? '').replace(/_/g, '');
    const frac = (hex[3] ?? '').replace(/_/g, '');
    const mantissa = parseInt(`${intPart}${frac}` || '0', 16);
    const exponent = Number((hex[4] ?? '0').replace(/_/g, '')) - 4 * frac.length;
    value = (hex[1] === '-' ? -1 : 1) * mantissa * 2 ** exponent;
  } else if (DECIMAL.test(s) && /[0-9]/.test(s.split(/[eE]/)[0] ?? '')) {
    value = Number(s.replace(/_/g, ''));
  }
  if (value === undefined || Number.isNaN(value) || (s.includes('_') && !underscoreOK(s))) {
    throw new GoNumError('ParseFloat', s, 'invalid syntax');
  }
  if (!Number.isFinite(value)) throw new GoNumError('ParseFloat', s, 'value out of range');
  return value;
}
