import { assertNever } from '@caravan/domain/shared';
import type { CollectionExpression, Expression, Filter, MatchExpression } from './filter.ast';
import { selectorString } from './filter.ast';
import { BexprEvaluationError, lookup, type LocalVariable } from './filter.datum';
import { FilterEvaluationError } from './filter.errors';
import { matchEqual, matchIn, matchIsEmpty, matchMatches } from './filter.match';
import { goQuote } from './go/go-quote';

// What each operator answers when a map key (or anything below a nil map) is absent.
const NOT_PRESENT: Readonly<Record<MatchExpression['operator'], boolean>> = {
  Equal: false,
  NotEqual: true,
  In: false,
  NotIn: true,
  IsEmpty: true,
  IsNotEmpty: false,
  Matches: false,
  NotMatches: true,
};

function evaluateMatch(
  expr: MatchExpression,
  datum: unknown,
  locals: readonly LocalVariable[],
): boolean {
  const found = lookup(datum, expr.selector.path, locals);
  if (!found.present) return NOT_PRESENT[expr.operator];
  const { value } = found;
  switch (expr.operator) {
    case 'Equal':
      return matchEqual(expr, value);
    case 'NotEqual':
      return !matchEqual(expr, value);
    case 'In':
      return matchIn(expr, value);
    case 'NotIn':
      return !matchIn(expr, value);
    case 'IsEmpty':
      return matchIsEmpty(expr, value);
    case 'IsNotEmpty':
      return !matchIsEmpty(expr, value);
    case 'Matches':
      return matchMatches(expr, value);
    case 'NotMatches':
      return !matchMatches(expr, value);
    default:
      return assertNever(expr.operator);
  }
}

/** Locals for one element: keys and indexes are values, element aliases are paths. */
function bindElement(expr: CollectionExpression, key: string | number): LocalVariable[] {
  const elementPath = [...expr.selector.path, String(key)];
  const isMap = typeof key === 'string';
  const b = expr.binding;
  switch (b.mode) {
    case 'default':
      return [isMap ? { name: b.name, value: key } : { name: b.name, path: elementPath }];
    case 'index':
      return [{ name: b.index, value: key }];
    case 'value':
      return [{ name: b.value, path: elementPath }];
    case 'indexAndValue':
      return [
        { name: b.index, value: key },
        { name: b.value, path: elementPath },
      ];
    default:
      return assertNever(b);
  }
}

function evaluateCollection(
  expr: CollectionExpression,
  datum: unknown,
  locals: readonly LocalVariable[],
): boolean {
  const found = lookup(datum, expr.selector.path, locals);
  if (!found.present) return expr.op === 'all';
  const { value } = found;
  let keys: (string | number)[];
  if (value === null || value === undefined)
    keys = []; // a nil map or slice
  else if (Array.isArray(value)) keys = value.map((_v, i) => i);
  else if (typeof value === 'object') keys = Object.keys(value);
  else throw new BexprEvaluationError(`${selectorString(expr.selector)} is not a list or a map`);
  for (const key of keys) {
    const b = expr.binding;
    if (b.mode === 'indexAndValue' && b.index === b.value) {
      throw new BexprEvaluationError(
        `${goQuote(b.index)} cannot be used as a placeholder for both the index and the value`,
      );
    }
    const result = evaluateExpression(expr.inner, datum, [...locals, ...bindElement(expr, key)]);
    if (result === (expr.op === 'any')) return result;
  }
  return expr.op === 'all';
}

export function evaluateExpression(
  expr: Expression,
  datum: unknown,
  locals: readonly LocalVariable[] = [],
): boolean {
  switch (expr.kind) {
    case 'not':
      return !evaluateExpression(expr.operand, datum, locals);
    case 'and':
      return (
        evaluateExpression(expr.left, datum, locals) &&
        evaluateExpression(expr.right, datum, locals)
      );
    case 'or':
      return (
        evaluateExpression(expr.left, datum, locals) ||
        evaluateExpression(expr.right, datum, locals)
      );
    case 'match':
      return evaluateMatch(expr, datum, locals);
    case 'collection':
      return evaluateCollection(expr, datum, locals);
    default:
      return assertNever(expr);
  }
}

/**
 * Whether `item` (a JSON document with Nomad's PascalCase field names) passes the filter.
 * Throws FilterEvaluationError, with Nomad's 400 message, when go-bexpr would fail.
 */
export function matchesFilter(filter: Filter, item: unknown): boolean {
  try {
    return evaluateExpression(filter.ast, item);
  } catch (err) {
    if (err instanceof BexprEvaluationError) throw new FilterEvaluationError(err.message);
    throw err;
  }
}
