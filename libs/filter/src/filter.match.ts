// The match operators, with go-bexpr's coercion: the raw value is converted to the type of
// the value it is compared with (bool, int64, uint64, float64; string otherwise), and a value
// that does not convert is an error, not a mismatch. JSON numbers stand in for Go's types:
// an integer is an int, a fraction a float64, a bigint an int64 (uint64 from 2^63).

import { compileGoRegexp, GoRegexpError, type GoRegexp } from '@caravan/domain/shared';
import type { MatchExpression } from './filter.ast';
import { selectorString } from './filter.ast';
import { BexprEvaluationError, goKind } from './filter.datum';
import { goQuote } from './go/go-quote';
import {
  GoNumError,
  parseGoBool,
  parseGoFloat64,
  parseGoInt64,
  parseGoUint64,
} from './go/go-strconv';

type Primitive = string | boolean | bigint | number;

/** getMatchExprValue: the raw value converted for a value of the given Go kind. */
function coerce(raw: string, kind: string): Primitive {
  switch (kind) {
    case 'bool':
      return parseGoBool(raw);
    case 'int':
    case 'int64':
      return parseGoInt64(raw);
    case 'uint64':
      return parseGoUint64(raw);
    case 'float64':
      return parseGoFloat64(raw);
    default:
      return raw;
  }
}

function coerceOrThrow(raw: string, kind: string): Primitive {
  try {
    return coerce(raw, kind);
  } catch (err) {
    if (!(err instanceof GoNumError)) throw err;
    throw new BexprEvaluationError(`error getting match value in expression: ${err.message}`);
  }
}

const PRIMITIVE_KINDS = new Set(['string', 'bool', 'int', 'int64', 'uint64', 'float64']);

function equalsPrimitive(wanted: Primitive, value: unknown): boolean {
  if (typeof wanted === 'bigint') {
    if (typeof value === 'bigint') return value === wanted;
    return typeof value === 'number' && Number.isInteger(value) && BigInt(value) === wanted;
  }
  if (typeof wanted === 'number' && typeof value === 'bigint') return Number(value) === wanted;
  return wanted === value;
}

const NUMERIC_KINDS = ['int', 'int64', 'uint64', 'float64'];

/** The element kind of a JSON array read as a typed Go slice; undefined when kinds are mixed. */
function sliceKind(items: readonly unknown[]): string | undefined {
  const kinds = [...new Set(items.map(goKind))];
  if (kinds.length === 1) return kinds[0];
  if (!kinds.every((k) => NUMERIC_KINDS.includes(k))) return undefined;
  return kinds.includes('float64') ? 'float64' : kinds.includes('uint64') ? 'uint64' : 'int64';
}

export function matchEqual(expr: MatchExpression, value: unknown): boolean {
  const kind = goKind(value);
  if (!PRIMITIVE_KINDS.has(kind)) {
    throw new BexprEvaluationError(
      'unable to find suitable primitive comparison function for matching',
    );
  }
  return equalsPrimitive(coerceOrThrow(expr.value ?? '', kind), value);
}

function inSlice(expr: MatchExpression, items: readonly unknown[]): boolean {
  const raw = expr.value ?? '';
  const present = items.filter((v) => v !== null && v !== undefined);
  if (present.length === 0) return false;
  const elemKind = sliceKind(present);
  if (elemKind !== undefined) {
    // A typed slice ([]string, []int, []*Struct): one conversion, and it must succeed.
    const wanted = coerceOrThrow(raw, elemKind);
    if (!PRIMITIVE_KINDS.has(elemKind)) {
      throw new BexprEvaluationError(
        'unable to find suitable primitive comparison function for "in" comparison',
      );
    }
    return present.some((v) => equalsPrimitive(wanted, v));
  }
  // Mixed kinds: Go's []interface{}; elements the raw value cannot convert to are skipped.
  for (const item of present) {
    const kind = goKind(item);
    let wanted: Primitive;
    try {
      wanted = coerce(raw, kind);
    } catch (err) {
      if (err instanceof GoNumError && err.reason === 'invalid syntax') continue;
      throw new BexprEvaluationError('error getting interface slice match value in expression');
    }
    if (!PRIMITIVE_KINDS.has(kind)) {
      throw new BexprEvaluationError(
        `unable to find suitable primitive comparison function for "in" comparison in interface slice: ${kind}`,
      );
    }
    if (equalsPrimitive(wanted, item)) return true;
  }
  return false;
}

export function matchIn(expr: MatchExpression, value: unknown): boolean {
  const raw = expr.value ?? '';
  if (value === null || value === undefined) return false; // a nil map or slice holds nothing
  if (typeof value === 'string') return value.includes(raw);
  if (Array.isArray(value)) return inSlice(expr, value);
  if (typeof value === 'object') return Object.prototype.hasOwnProperty.call(value, raw);
  const kind = goKind(value);
  coerceOrThrow(raw, kind); // Go converts before it finds out the operation is impossible
  throw new BexprEvaluationError(
    `Cannot perform in/contains operations on type ${kind} for selector: ${goQuote(selectorString(expr.selector))}`,
  );
}

export function matchIsEmpty(expr: MatchExpression, value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (typeof value === 'string' || Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.keys(value).length === 0;
  // go-bexpr 0.1.14 panics here; 0.1.16 reports this error, which we follow.
  throw new BexprEvaluationError(
    `cannot perform is-empty operations on type ${goKind(value)} for selector: ${goQuote(selectorString(expr.selector))}`,
  );
}

function goTypeName(value: unknown): string {
  if (value === null || value === undefined) return '<nil>';
  const allStrings = (vs: unknown[]): boolean => vs.every((v) => typeof v === 'string');
  if (Array.isArray(value)) return allStrings(value) ? '[]string' : '[]interface {}';
  if (typeof value === 'object')
    return allStrings(Object.values(value)) ? 'map[string]string' : 'map[string]interface {}';
  return goKind(value);
}

// Compiled once per expression node, as go-bexpr caches the regexp in its AST.
const compiled = new WeakMap<MatchExpression, GoRegexp>();

export function matchMatches(expr: MatchExpression, value: unknown): boolean {
  if (typeof value !== 'string') {
    throw new BexprEvaluationError(
      `Value of type ${goTypeName(value)} is not convertible to []byte`,
    );
  }
  let re = compiled.get(expr);
  if (re === undefined) {
    const raw = expr.value ?? '';
    try {
      re = compileGoRegexp(raw);
    } catch (err) {
      if (!(err instanceof GoRegexpError)) throw err;
      throw new BexprEvaluationError(
        `Failed to compile regular expression ${goQuote(raw)}: ${err.message}`,
      );
    }
    compiled.set(expr, re);
  }
  return re.test(value);
}
