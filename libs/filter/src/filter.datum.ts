// Finding a selector's value in the object being filtered, the way go-bexpr does it with
// pointerstructure over Go values, adapted to JSON documents:
// - the root object is a Go struct: a missing field is an error;
// - objects below the root are read as Go maps: a missing key is "not present", which each
//   operator answers on its own (`==` false, `!=` true, `is empty` true, ...);
// - null below the root is read as a nil map (not present). In Go a nil *pointer* there is an
//   error instead; JSON cannot tell the two apart, and Meta-style maps are the common case.

import { goQuote } from './go/go-quote';

/** An error whose message is go-bexpr's; matchesFilter adds Nomad's prefix. */
export class BexprEvaluationError extends Error {}

/** A name bound by `any`/`all`: either an alias for a path or a plain value (key or index). */
export interface LocalVariable {
  name: string;
  path?: readonly string[];
  value?: string | number;
}

export type Lookup = { present: false } | { present: true; value: unknown };

/** pointerstructure's Pointer.String(): "/a/b" with ~ and / escaped. */
export function pointerString(parts: readonly string[]): string {
  if (parts.length === 0) return '';
  return `/${parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
}

export function goKind(value: unknown): string {
  if (value === null || value === undefined) return 'invalid';
  if (typeof value === 'string') return 'string';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float64';
  if (typeof value === 'bigint') return value >= 1n << 63n ? 'uint64' : 'int64';
  if (Array.isArray(value)) return 'slice';
  return 'map';
}

const notFound = Symbol('not found');

/** Go's strconv.ParseInt(s, 0, 64) as mapstructure's weak decoding uses it for slice indexes. */
function sliceIndex(part: string): number | undefined {
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9][0-9]*|)$/.exec(part);
  if (m === null) return undefined;
  const digits = m[2] === '' ? '0' : (m[2] ?? '0');
  const n =
    digits.startsWith('0x') || digits.startsWith('0X')
      ? parseInt(digits, 16)
      : digits.startsWith('0')
        ? parseInt(digits, 8) || 0
        : Number(digits);
  return m[1] === '-' ? -n : n;
}

function step(
  current: unknown,
  part: string,
  parts: readonly string[],
  i: number,
  isRoot: boolean,
): unknown {
  const where = `${pointerString(parts)} at part ${i}`;
  if (Array.isArray(current)) {
    const idx = sliceIndex(part);
    if (idx === undefined) {
      throw new BexprEvaluationError(
        `${where}: couldn't convert value ${goQuote(part)} to type int`,
      );
    }
    if (idx < 0 || idx >= current.length) {
      throw new BexprEvaluationError(
        `${where}: index ${idx} is out of range (length = ${current.length})`,
      );
    }
    return current[idx];
  }
  if (current === null || current === undefined) return notFound;
  if (typeof current === 'object') {
    if (Object.prototype.hasOwnProperty.call(current, part))
      return (current as Record<string, unknown>)[part];
    if (isRoot) {
      throw new BexprEvaluationError(
        `${where}: couldn't find key: struct field with name ${goQuote(part)}`,
      );
    }
    return notFound;
  }
  throw new BexprEvaluationError(
    `${pointerString(parts)}: at part ${i}, invalid value kind: ${goKind(current)}`,
  );
}

/** go-bexpr's getValue: resolve locals (innermost first), then walk the datum. */
export function lookup(
  datum: unknown,
  selectorPath: readonly string[],
  locals: readonly LocalVariable[],
): Lookup {
  let path = selectorPath;
  for (let i = locals.length - 1; i >= 0 && path.length > 0; i--) {
    const local = locals[i];
    if (local === undefined || path[0] !== local.name) continue;
    if (local.path === undefined) {
      if (path.length > 1) {
        const type = typeof local.value === 'number' ? 'int' : 'string';
        throw new BexprEvaluationError(
          `error finding value in datum: ${pointerString([local.name])} references a ${type} so ${pointerString(path)} is invalid`,
        );
      }
      return { present: true, value: local.value };
    }
    path = [...local.path, ...path.slice(1)];
  }
  let current: unknown = datum;
  for (let i = 0; i < path.length; i++) {
    try {
      current = step(current, path[i] ?? '', path, i, i === 0);
    } catch (err) {
      if (err instanceof BexprEvaluationError) {
        throw new BexprEvaluationError(`error finding value in datum: ${err.message}`);
      }
      throw err;
    }
    if (current === notFound) return { present: false };
  }
  return { present: true, value: current };
}
