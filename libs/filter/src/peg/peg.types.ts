// A parsing expression grammar as plain data, interpreted by peg-parser.ts. The node kinds
// and their failure bookkeeping follow the pigeon PEG generator that go-bexpr is built with,
// because go-bexpr's error messages ("1:9 (8): no match found, expected: ...") are produced
// by that bookkeeping and Nomad returns them verbatim.

/** Reports an error from an action; the parse goes on with the action's value. */
export type ReportError = (message: string) => void;

export type PegExpr =
  | { kind: 'lit'; text: string; want: string }
  | { kind: 'class'; display: string; test: (codePoint: number) => boolean }
  | { kind: 'any' }
  | { kind: 'seq'; exprs: readonly PegExpr[] }
  | { kind: 'choice'; alts: readonly PegExpr[] }
  | { kind: 'star'; expr: PegExpr }
  | { kind: 'plus'; expr: PegExpr }
  | { kind: 'opt'; expr: PegExpr }
  | { kind: 'and'; expr: PegExpr }
  | { kind: 'not'; expr: PegExpr }
  // `&{ return false, errors.New(msg) }` in pigeon: always fails and records `msg`.
  | { kind: 'fail'; message: string }
  | {
      kind: 'action';
      expr: PegExpr;
      run: (value: unknown, text: string, report: ReportError) => unknown;
    }
  | { kind: 'ref'; rule: string };

export interface PegRule {
  name: string;
  /** pigeon's display name; error prefixes use it, quoted, instead of the rule name. */
  displayName?: string;
  expr: PegExpr;
}

export interface PegGrammar {
  start: string;
  rules: ReadonlyMap<string, PegRule>;
}

// Go's strconv.Quote for the ASCII literals the grammar uses.
const goQuote = (text: string): string => `"${text.replace(/["\\]/g, (c) => `\\${c}`)}"`;

export const lit = (text: string): PegExpr => ({ kind: 'lit', text, want: goQuote(text) });
export const cls = (display: string, test: (cp: number) => boolean): PegExpr => ({
  kind: 'class',
  display,
  test,
});
export const any: PegExpr = { kind: 'any' };
export const seq = (...exprs: PegExpr[]): PegExpr => ({ kind: 'seq', exprs });
export const choice = (...alts: PegExpr[]): PegExpr => ({ kind: 'choice', alts });
export const star = (expr: PegExpr): PegExpr => ({ kind: 'star', expr });
export const plus = (expr: PegExpr): PegExpr => ({ kind: 'plus', expr });
export const opt = (expr: PegExpr): PegExpr => ({ kind: 'opt', expr });
export const and = (expr: PegExpr): PegExpr => ({ kind: 'and', expr });
export const not = (expr: PegExpr): PegExpr => ({ kind: 'not', expr });
export const fail = (message: string): PegExpr => ({ kind: 'fail', message });
export const ref = (rule: string): PegExpr => ({ kind: 'ref', rule });
export const action = (
  expr: PegExpr,
  run: (value: unknown, text: string, report: ReportError) => unknown,
): PegExpr => ({ kind: 'action', expr, run });

export function grammar(start: string, rules: PegRule[]): PegGrammar {
  return { start, rules: new Map(rules.map((r) => [r.name, r])) };
}
