import { parseGoDuration } from './go-duration';
import { badRequest, ErrInvalidIndex, ErrInvalidWait } from '../errors/nomad-coded.error';

/** Nomad's maxQueryTime and defaultQueryTime are both 300 s (the docs' 10 minutes is wrong). */
export const MAX_QUERY_TIME_MS = 300_000;
export const DEFAULT_QUERY_TIME_MS = 300_000;
/** structs.JitterFraction: a blocking wait is stretched by a random amount below wait/16. */
export const JITTER_FRACTION = 16;

export type QueryParams = Record<string, string | string[] | undefined>;

/** Go's url.Values.Get: the first value, or '' when absent. */
export function firstParam(query: QueryParams, name: string): string {
  const value = query[name];
  if (Array.isArray(value)) return value[0] ?? '';
  return value ?? '';
}

export interface BlockingOptions {
  /** MinQueryIndex; 0 means "do not block". */
  minIndex: number;
  /** Requested wait in ms, before the cap/default is applied; undefined when not given. */
  waitMs: number | undefined;
}

const UINT64 = /^\d+$/;
const MAX_UINT64 = 18446744073709551615n;

/** `?index=` and `?wait=` with Nomad's parseWait rules; throws the 400s Nomad sends. */
export function parseBlockingOptions(query: QueryParams): BlockingOptions {
  let waitMs: number | undefined;
  const wait = firstParam(query, 'wait');
  if (wait !== '') {
    const ns = parseGoDuration(wait);
    if (ns === undefined) throw badRequest(ErrInvalidWait);
    waitMs = ns / 1e6;
  }
  let minIndex = 0;
  const index = firstParam(query, 'index');
  if (index !== '') {
    if (!UINT64.test(index) || BigInt(index) > MAX_UINT64) throw badRequest(ErrInvalidIndex);
    // Beyond 2^53 the comparison only needs to stay "greater than any index we will ever issue".
    minIndex = Number(index);
  }
  return { minIndex, waitMs };
}

/** How long a blocking query may wait: the cap/default, plus jitter in [0, wait/16). */
export function blockingWaitMs(
  waitMs: number | undefined,
  random: () => number = Math.random,
): number {
  let base = waitMs ?? 0;
  if (base > MAX_QUERY_TIME_MS) base = MAX_QUERY_TIME_MS;
  else if (base <= 0) base = DEFAULT_QUERY_TIME_MS;
  return base + Math.floor(random() * (base / JITTER_FRACTION));
}

/** `?pretty`: present with an empty value, or any value but "0", turns indentation on. */
export function wantsPretty(query: QueryParams): boolean {
  if (!('pretty' in query) || query.pretty === undefined) return false;
  return firstParam(query, 'pretty') !== '0';
}
