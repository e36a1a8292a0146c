// The syntax tree of a go-bexpr filter expression, as Nomad's `?filter=` parameter takes it.
//
// Vocabulary: a *selector* names a value inside the object being filtered (`Meta.team`,
// `Meta["a b"]`, or the JSON pointer `"/Meta/team"`); a *match* compares a selector with a
// raw string value that is coerced to the selected value's type only at evaluation time.

export type MatchOperator =
  | 'Equal'
  | 'NotEqual'
  | 'In' // `v in S` and `S contains v`
  | 'NotIn' // `v not in S` and `S not contains v`
  | 'IsEmpty'
  | 'IsNotEmpty'
  | 'Matches'
  | 'NotMatches';

export interface Selector {
  type: 'bexpr' | 'jsonPointer';
  path: readonly string[];
}

export interface MatchExpression {
  kind: 'match';
  selector: Selector;
  operator: MatchOperator;
  /** Absent for `is empty` / `is not empty`. */
  value?: string;
}

export interface LogicalExpression {
  kind: 'and' | 'or';
  left: Expression;
  right: Expression;
}

export interface NotExpression {
  kind: 'not';
  operand: Expression;
}

/** `any S as i, v { ... }` / `all S as v { ... }`: names bound to each element of S. */
export type NameBinding =
  | { mode: 'default'; name: string }
  | { mode: 'index'; index: string }
  | { mode: 'value'; value: string }
  | { mode: 'indexAndValue'; index: string; value: string };

export interface CollectionExpression {
  kind: 'collection';
  op: 'any' | 'all';
  selector: Selector;
  binding: NameBinding;
  inner: Expression;
}

export type Expression = MatchExpression | LogicalExpression | NotExpression | CollectionExpression;

/** A parsed filter. Immutable; safe to evaluate against many objects. */
export interface Filter {
  readonly expression: string;
  readonly ast: Expression;
}

/** go-bexpr's Selector.String(): how selectors appear in messages and as raw values. */
export function selectorString(selector: Selector): string {
  return selector.path.join(selector.type === 'bexpr' ? '.' : '/');
}
