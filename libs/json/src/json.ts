import { isInteger, parse, stringify } from 'lossless-json';

// Nomad speaks int64 nanoseconds (SubmitTime, durations) that exceed 2^53. JSON.parse would
// round them, so everything that crosses a process boundary goes through this codec:
// integers beyond Number's safe range become bigint, everything else is a plain number.

function parseNumber(text: string): number | bigint {
  if (isInteger(text)) {
    const asNumber = Number(text);
    return Number.isSafeInteger(asNumber) ? asNumber : BigInt(text);
  }
  return Number(text);
}

export function parseJson<T = unknown>(text: string): T {
  return parse(text, null, parseNumber) as T;
}

/** JSON text with bigint written as exact digits. `undefined` values are dropped, as JSON.stringify does. */
export function stringifyJson(value: unknown, indent?: number): string {
  return stringify(value, undefined, indent) ?? 'null';
}
