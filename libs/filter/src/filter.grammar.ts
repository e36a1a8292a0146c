// go-bexpr's grammar (v0.1.14, the version Nomad 1.9/1.10 links) as data for the PEG engine.
// Rule names and display names matter: they appear in error messages. Two quirks kept on
// purpose because Nomad has them: a bare identifier is a valid value (`Status == dead`), and
// a double-quoted value that looks like a JSON pointer (`"/a/b"`) is read as a selector, so
// its raw value loses the leading slash ("a/b").

import type {
  Expression,
  MatchExpression,
  MatchOperator,
  NameBinding,
  Selector,
} from './filter.ast';
import { selectorString } from './filter.ast';
import { goUnquote } from './go/go-unquote';
import {
  action,
  and,
  any,
  choice,
  cls,
  fail,
  grammar,
  lit,
  not,
  opt,
  plus,
  ref,
  seq,
  star,
  type PegExpr,
  type PegRule,
} from './peg/peg.types';

const inRange = (cp: number, lo: string, hi: string): boolean =>
  cp >= (lo.codePointAt(0) ?? 0) && cp <= (hi.codePointAt(0) ?? 0);
const isAlpha = (cp: number): boolean => inRange(cp, 'a', 'z') || inRange(cp, 'A', 'Z');
const isDigit = (cp: number): boolean => inRange(cp, '0', '9');
const LETTER_OR_NUMBER = /^[\p{L}\p{N}]$/u;

const ws = cls('[ \\t\\r\\n]', (cp) => cp === 0x20 || cp === 0x09 || cp === 0x0d || cp === 0x0a);
const identStart = cls('[a-zA-Z]', isAlpha);
const identRest = cls(
  '[a-zA-Z0-9_/]',
  (cp) => isAlpha(cp) || isDigit(cp) || cp === 0x5f || cp === 0x2f,
);
const digit = cls('[0-9]', isDigit);
const nonZeroDigit = cls('[1-9]', (cp) => inRange(cp, '1', '9'));
const pointerChar = cls(
  '[\\pL\\pN-_.~:|]',
  (cp) =>
    '-_.~:|'.includes(String.fromCodePoint(cp)) || LETTER_OR_NUMBER.test(String.fromCodePoint(cp)),
);

const _ = ref('_');
const _opt = opt(_);
const at = <T>(v: unknown, i: number): T => (v as unknown[])[i] as T;
const rule = (name: string, expr: PegExpr, displayName?: string): PegRule =>
  displayName === undefined ? { name, expr } : { name, expr, displayName: `"${displayName}"` };
// `_? == _?` for the symbols; `_ word (_ word)*` plus a trailing `_` when a value follows.
const operator = (name: string, op: MatchOperator, words: string[], trailing: boolean): PegRule => {
  const symbolic = words[0] === '==' || words[0] === '!=';
  const parts: PegExpr[] = symbolic
    ? [_opt, lit(words[0] ?? ''), _opt]
    : words.flatMap((w) => [_, lit(w)]);
  if (trailing && !symbolic) parts.push(_);
  return rule(
    name,
    action(seq(...parts), () => op),
  );
};

function unquoteOrReport(text: string, report: (m: string) => void): string {
  try {
    return goUnquote(text);
  } catch (err) {
    report((err as Error).message);
    return '';
  }
}

// JSON pointer segments decode ~1 to "/" and ~0 to "~" (RFC 6901, as pointerstructure does).
const decodePointerPart = (p: string): string => p.replace(/~1/g, '/').replace(/~0/g, '~');

// prettier-ignore
const rules: PegRule[] = [
  rule('Input', choice(
    action(seq(_opt, lit('('), _opt, ref('OrExpression'), _opt, lit(')'), _opt, ref('EOF')), (v) => at(v, 3)),
    action(seq(_opt, ref('OrExpression'), _opt, ref('EOF')), (v) => at(v, 1)),
  )),
  rule('OrExpression', choice(
    action(seq(ref('AndExpression'), _, lit('or'), _, ref('OrExpression')), (v): Expression =>
      ({ kind: 'or', left: at(v, 0), right: at(v, 4) })),
    ref('AndExpression'),
    ref('CollectionExpression'),
  )),
  rule('AndExpression', choice(
    action(seq(ref('NotExpression'), _, lit('and'), _, ref('AndExpression')), (v): Expression =>
      ({ kind: 'and', left: at(v, 0), right: at(v, 4) })),
    ref('NotExpression'),
  )),
  rule('NotExpression', choice(
    action(seq(lit('not'), _, ref('NotExpression')), (v): Expression => {
      const operand = at<Expression>(v, 2);
      // `not not e` is `e`, as go-bexpr folds it.
      return operand.kind === 'not' ? operand.operand : { kind: 'not', operand };
    }),
    ref('ParenthesizedExpression'),
  )),
  rule('CollectionExpression', action(
    seq(choice(ref('CollectionOpAny'), ref('CollectionOpAll')), ref('Selector'), _, lit('as'), _,
      ref('CollectionIdentifiers'), _opt, lit('{'), _opt, ref('OrExpression'), _opt, lit('}')),
    (v): Expression => ({ kind: 'collection', op: at(v, 0), selector: at(v, 1), binding: at(v, 5), inner: at(v, 9) }),
  )),
  rule('CollectionIdentifiers', choice(
    action(seq(ref('Identifier'), _opt, lit(','), _opt, ref('Identifier')), (v): NameBinding =>
      ({ mode: 'indexAndValue', index: at(v, 0), value: at(v, 4) })),
    action(seq(ref('Identifier'), _opt, lit(','), _opt, lit('_')), (v): NameBinding =>
      ({ mode: 'index', index: at(v, 0) })),
    action(seq(lit('_'), _opt, lit(','), _opt, ref('Identifier')), (v): NameBinding =>
      ({ mode: 'value', value: at(v, 4) })),
    action(ref('Identifier'), (v): NameBinding => ({ mode: 'default', name: v as string })),
  ), 'collection-identifiers'),
  rule('CollectionOpAny', action(seq(lit('any'), _), () => 'any')),
  rule('CollectionOpAll', action(seq(lit('all'), _), () => 'all')),
  rule('ParenthesizedExpression', choice(
    action(seq(lit('('), _opt, ref('OrExpression'), _opt, lit(')')), (v) => at(v, 2)),
    ref('MatchExpression'),
    seq(lit('('), _opt, ref('OrExpression'), _opt, not(lit(')')), fail('Unmatched parentheses')),
  ), 'grouping'),
  rule('MatchExpression', choice(
    ref('MatchSelectorOpValue'), ref('MatchSelectorOp'), ref('MatchValueOpSelector'),
  ), 'match'),
  rule('MatchSelectorOpValue', action(
    seq(ref('Selector'), choice(...['MatchEqual', 'MatchNotEqual', 'MatchContains', 'MatchNotContains',
      'MatchMatches', 'MatchNotMatches'].map(ref)), ref('Value')),
    (v): MatchExpression => ({ kind: 'match', selector: at(v, 0), operator: at(v, 1), value: at(v, 2) }),
  ), 'match'),
  rule('MatchSelectorOp', action(
    seq(ref('Selector'), choice(ref('MatchIsEmpty'), ref('MatchIsNotEmpty'))),
    (v): MatchExpression => ({ kind: 'match', selector: at(v, 0), operator: at(v, 1) }),
  ), 'match'),
  rule('MatchValueOpSelector', choice(
    action(seq(ref('Value'), choice(ref('MatchIn'), ref('MatchNotIn')), ref('Selector')),
      (v): MatchExpression => ({ kind: 'match', selector: at(v, 2), operator: at(v, 1), value: at(v, 0) })),
    seq(ref('Value'), choice(ref('MatchIn'), ref('MatchNotIn')), not(ref('Selector')), fail('Invalid selector')),
  ), 'match'),
  operator('MatchEqual', 'Equal', ['=='], false),
  operator('MatchNotEqual', 'NotEqual', ['!='], false),
  operator('MatchIsEmpty', 'IsEmpty', ['is', 'empty'], false),
  operator('MatchIsNotEmpty', 'IsNotEmpty', ['is', 'not', 'empty'], false),
  operator('MatchIn', 'In', ['in'], true),
  operator('MatchNotIn', 'NotIn', ['not', 'in'], true),
  operator('MatchContains', 'In', ['contains'], true),
  operator('MatchNotContains', 'NotIn', ['not', 'contains'], true),
  operator('MatchMatches', 'Matches', ['matches'], true),
  operator('MatchNotMatches', 'NotMatches', ['not', 'matches'], true),
  rule('Selector', choice(
    action(seq(ref('Identifier'), star(ref('SelectorOrIndex'))), (v): Selector =>
      ({ type: 'bexpr', path: [at<string>(v, 0), ...at<string[]>(v, 1)] })),
    action(seq(lit('"'), star(ref('JsonPointerSegment')), lit('"')), (v): Selector => {
      const parts = at<string[]>(v, 1);
      // pointerstructure.Parse("/" + parts.join("/")): no parts still yields one empty part.
      return { type: 'jsonPointer', path: parts.length === 0 ? [''] : parts.map(decodePointerPart) };
    }),
  ), 'selector'),
  rule('JsonPointerSegment', action(seq(lit('/'), plus(pointerChar)), (_v, text) => text.slice(1))),
  rule('Identifier', action(seq(identStart, star(identRest)), (_v, text) => text)),
  rule('SelectorOrIndex', choice(
    action(seq(lit('.'), ref('Identifier')), (v) => at(v, 1)),
    ref('IndexExpression'),
    action(seq(lit('.'), plus(digit)), (_v, text) => text.slice(1)),
  )),
  rule('IndexExpression', choice(
    action(seq(lit('['), _opt, ref('StringLiteral'), _opt, lit(']')), (v) => at(v, 2)),
    seq(lit('['), _opt, not(ref('StringLiteral')), fail('Invalid index')),
    seq(lit('['), _opt, ref('StringLiteral'), _opt, not(lit(']')), fail('Unclosed index expression')),
  ), 'index'),
  rule('Value', choice(
    action(ref('Selector'), (v) => selectorString(v as Selector)),
    ref('NumberLiteral'),
    ref('StringLiteral'),
  ), 'value'),
  rule('NumberLiteral', choice(
    action(seq(opt(lit('-')), ref('IntegerOrFloat'), and(ref('AfterNumbers'))), (_v, text) => text),
    seq(opt(lit('-')), ref('IntegerOrFloat'), not(ref('AfterNumbers')), fail('Invalid number literal')),
  ), 'number'),
  rule('AfterNumbers', and(choice(_, ref('EOF'), lit(')')))),
  rule('IntegerOrFloat', seq(
    choice(lit('0'), seq(nonZeroDigit, star(digit))),
    opt(seq(lit('.'), plus(digit))),
  )),
  rule('StringLiteral', choice(
    action(choice(
      seq(lit('`'), star(ref('RawStringChar')), lit('`')),
      seq(lit('"'), star(ref('DoubleStringChar')), lit('"')),
    ), (_v, text, report) => unquoteOrReport(text, report)),
    seq(choice(
      seq(lit('`'), star(ref('RawStringChar'))),
      seq(lit('"'), star(ref('DoubleStringChar'))),
    ), ref('EOF'), fail('Unterminated string literal')),
  ), 'string'),
  rule('RawStringChar', seq(not(lit('`')), any)),
  rule('DoubleStringChar', seq(not(lit('"')), any)),
  rule('_', plus(ws), 'whitespace'),
  rule('EOF', not(any)),
];

export const BEXPR_GRAMMAR = grammar('Input', rules);
