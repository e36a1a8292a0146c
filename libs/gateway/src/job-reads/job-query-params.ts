// Query parameters of the job endpoints, with Nomad's parsing and error texts (§1.7, §2).
import { badRequest } from '../errors/nomad-coded.error';
import { firstParam, type QueryParams } from '../http/query-options';

const TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);
const FALSE = new Set(['0', 'f', 'F', 'FALSE', 'false', 'False']);

/** Go's strconv.ParseBool; undefined where Go returns an error. */
export function goParseBool(text: string): boolean | undefined {
  if (TRUE.has(text)) return true;
  if (FALSE.has(text)) return false;
  return undefined;
}

/**
 * Nomad answers these with 500 and the message. The code (not in the status map, so 500) marks
 * it as the client's mistake, logged quietly rather than as a server fault.
 */
const internal = (message: string): Error =>
  Object.assign(new Error(message), { code: 'BAD_QUERY_PARAMETER' });

/** Nomad's parseBool helper (`meta`, `diffs`, `purge`...): absent is false, a bad value is 500. */
export function boolParam(query: QueryParams, name: string): boolean {
  if (!(name in query) || query[name] === undefined) return false;
  const text = firstParam(query, name);
  const value = goParseBool(text);
  if (value === undefined)
    throw internal(
      `Failed to parse value of "${name}" (${text}) as a bool: strconv.ParseBool: parsing ${JSON.stringify(text)}: invalid syntax`,
    );
  return value;
}

/** `?all=`: unparseable means false (job allocations and deployments). */
export function lenientBoolParam(query: QueryParams, name: string): boolean {
  return goParseBool(firstParam(query, name)) ?? false;
}

/** The parameters every blocking read parses besides index/wait: `stale` must be a bool. */
export function checkStale(query: QueryParams): void {
  if (!('stale' in query) || query.stale === undefined) return;
  const text = firstParam(query, 'stale');
  if (text !== '' && goParseBool(text) === undefined)
    throw badRequest('Expect `true` or `false` for `stale` query string parameter');
}

const INT = /^[+-]?\d+$/;

/** `per_page` as Go's strconv.ParseInt(v, 10, 32); 0 when absent. */
export function perPageParam(query: QueryParams): number {
  const text = firstParam(query, 'per_page');
  if (text === '') return 0;
  const value = Number(text);
  if (!INT.test(text) || value < -(2 ** 31) || value > 2 ** 31 - 1)
    throw badRequest('Expect a number for `per_page` query string parameter');
  return value;
}

/** `?eval_priority=` on DELETE: Go's strconv.Atoi; a bad value is 500. */
export function intParam(query: QueryParams, name: string): number {
  const text = firstParam(query, name);
  if (text === '') return 0;
  const value = Number(text);
  if (!INT.test(text) || !Number.isSafeInteger(value))
    throw internal(
      `Failed to parse value of "${name}" (${text}) as a int: strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax`,
    );
  return value;
}

/** `?diff_version=`: uint64, a bad value is 500. */
export function uintParam(query: QueryParams, name: string): number | undefined {
  const text = firstParam(query, name);
  if (text === '') return undefined;
  if (!/^\d+$/.test(text))
    throw internal(
      `Failed to parse value of "${name}" (${text}) as a uint64: strconv.ParseUint: parsing ${JSON.stringify(text)}: invalid syntax`,
    );
  return Number(text);
}

/** `?namespace=` for reads and struct-body writes: the query value, else `default`. */
export function namespaceParam(query: QueryParams, fallback = ''): string {
  return firstParam(query, 'namespace') || fallback || 'default';
}
