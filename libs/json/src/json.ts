import { isInteger, parse } from 'lossless-json';

// Nomad speaks int64 nanoseconds (SubmitTime, durations) that exceed 2^53. JSON.parse would
// round them, so everything that crosses a process boundary goes through this codec:
// integers beyond Number's safe range become bigint, everything else is a plain number.
//
// Speed matters (every read model row and response passes here), so both directions use the
// native JSON functions: unsafe integer literals are found by a scan that skips strings, turned
// into marker strings for JSON.parse and revived as bigint; bigints are written as markers by
// JSON.stringify and the markers replaced by their digits. Text JSON.parse refuses goes to
// lossless-json, whose error messages the HTTP layer maps onto Go's.

const NONCE = Math.random().toString(36).slice(2, 10);
const MARK = `\u0000bigint${NONCE}:`;
/** MARK as it stands inside JSON text (a raw NUL is not allowed in a JSON string). */
const MARK_IN_TEXT = `\\u0000bigint${NONCE}:`;
const MARKED_OUTPUT = new RegExp(`"\\\\u0000bigint${NONCE}:(-?\\d+)"`, 'g');

export function parseJson<T = unknown>(text: string): T {
  let unsafe: [number, number][];
  try {
    unsafe = unsafeIntegerLiterals(text);
    if (unsafe.length === 0) return JSON.parse(text) as T;
    return reviveMarked(JSON.parse(markLiterals(text, unsafe)), unsafe.length) as T;
  } catch {
    return parse(text, null, parseNumber) as T;
  }
}

/** JSON text with bigint written as exact digits. `undefined` values are dropped, as JSON.stringify does. */
export function stringifyJson(value: unknown, indent?: number): string {
  let marked = false;
  const text = JSON.stringify(
    value,
    (_key, v: unknown) => {
      if (typeof v !== 'bigint') return v;
      marked = true;
      return `${MARK}${v.toString()}`;
    },
    indent,
  ) as string | undefined;
  if (text === undefined) return 'null';
  return marked ? text.replace(MARKED_OUTPUT, '$1') : text;
}

function parseNumber(text: string): number | bigint {
  if (isInteger(text)) {
    const asNumber = Number(text);
    return Number.isSafeInteger(asNumber) ? asNumber : BigInt(text);
  }
  return Number(text);
}

const QUOTE = 34;
const BACKSLASH = 92;
const MINUS = 45;
const isDigit = (c: number) => c >= 48 && c <= 57;

/** [start, end) of every integer literal outside strings that Number cannot hold exactly. */
function unsafeIntegerLiterals(text: string): [number, number][] {
  const found: [number, number][] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      for (i++; i < text.length && text.charCodeAt(i) !== QUOTE; i++) {
        if (text.charCodeAt(i) === BACKSLASH) i++;
      }
    } else if (c === MINUS || isDigit(c)) {
      const start = i;
      if (c === MINUS) i++;
      while (i < text.length && isDigit(text.charCodeAt(i))) i++;
      const next = text[i];
      const integer = next !== '.' && next !== 'e' && next !== 'E';
      // 16+ digits may exceed 2^53; shorter ones never do.
      if (integer && i - start >= 16 && !Number.isSafeInteger(Number(text.slice(start, i)))) {
        found.push([start, i]);
      }
      i--;
    }
  }
  return found;
}

function markLiterals(text: string, literals: [number, number][]): string {
  let out = '';
  let at = 0;
  for (const [start, end] of literals) {
    out += `${text.slice(at, start)}"${MARK_IN_TEXT}${text.slice(start, end)}"`;
    at = end;
  }
  return out + text.slice(at);
}

/** Replaces the `remaining` marker strings by bigints, walking until all are found. */
function reviveMarked(root: unknown, remaining: number): unknown {
  const stack: unknown[] = [root];
  const revive = (value: unknown): unknown => {
    if (typeof value === 'string' && value.startsWith(MARK)) {
      remaining--;
      return BigInt(value.slice(MARK.length));
    }
    if (value !== null && typeof value === 'object') stack.push(value);
    return value;
  };
  if (typeof root === 'string') return revive(root);
  while (remaining > 0 && stack.length > 0) {
    const node = stack.pop() as Record<string, unknown> | unknown[];
    if (Array.isArray(node)) {
      for (let k = 0; k < node.length; k++) node[k] = revive(node[k]);
    } else {
      for (const key in node) node[key] = revive(node[key]);
    }
  }
  return root;
}
