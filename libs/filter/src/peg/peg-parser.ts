// Interprets a PegGrammar with pigeon's semantics: ordered choice with backtracking, errors
// from actions and predicates collected (and deduplicated) without stopping the parse, and,
// when nothing else went wrong, a "no match found" error listing what was expected at the
// farthest position any literal or class failed. Inside `!e` the bookkeeping is inverted:
// what matched there is recorded, prefixed with "!" ("!." becomes "EOF").

import { assertNever } from '@caravan/domain/shared';
import type { PegExpr, PegGrammar, PegRule } from './peg.types';
import { formatPosition, toSourceText, type SourceText } from './peg-positions';

export type PegResult = { ok: true; value: unknown } | { ok: false; message: string };

const NO_MATCH = Symbol('no match');
type Out = unknown;

/** go-bexpr 0.1.15+ caps parser work the same way (pigeon's MaxExpressions option). */
export const DEFAULT_MAX_EXPRESSIONS = 2_000_000;

class MaxExpressionsExceeded extends Error {}

class PegRun {
  private pos = 0;
  private readonly rstack: PegRule[] = [];
  private maxFail = 0;
  private maxFailExpected: string[] = [];
  private invert = false;
  private exprCount = 0;
  readonly errors: string[] = [];

  constructor(
    private readonly g: PegGrammar,
    private readonly src: SourceText,
    private readonly maxExpressions: number,
  ) {}

  run(): PegResult {
    let value: Out = NO_MATCH;
    try {
      value = this.rule(this.g.start);
    } catch (err) {
      // A stack overflow on absurd nesting is reported like pigeon's expression cap.
      if (!(err instanceof MaxExpressionsExceeded) && !(err instanceof RangeError)) throw err;
      this.addErrorAt('max number of expresssions parsed', this.pos);
    }
    if (value === NO_MATCH && this.errors.length === 0) this.addNoMatchError();
    if (this.errors.length > 0) return { ok: false, message: [...new Set(this.errors)].join('\n') };
    return { ok: true, value };
  }

  private addNoMatchError(): void {
    const wanted = new Set(this.maxFailExpected);
    const eof = wanted.delete('!.');
    const expected = [...wanted].sort(compareBytes);
    if (eof) expected.push('EOF');
    const list =
      expected.length <= 1
        ? (expected[0] ?? '')
        : `${expected.slice(0, -1).join(', ')} or ${expected[expected.length - 1]}`;
    this.addErrorAt(`no match found, expected: ${list}`, this.maxFail);
  }

  private addErrorAt(message: string, at: number): void {
    const position = this.src.positions[at] ?? { line: 1, col: 1, offset: 0 };
    const top = this.rstack[this.rstack.length - 1];
    const rule = top === undefined ? '' : `: rule ${top.displayName ?? top.name}`;
    this.errors.push(`${formatPosition(position)}${rule}: ${message}`);
  }

  private failAt(matched: boolean, at: number, want: string): void {
    if (matched !== this.invert) return;
    if (at < this.maxFail) return;
    if (at > this.maxFail) {
      this.maxFail = at;
      this.maxFailExpected = [];
    }
    this.maxFailExpected.push(this.invert ? `!${want}` : want);
  }

  private rule(name: string): Out {
    const rule = this.g.rules.get(name);
    if (rule === undefined) throw new Error(`undefined rule: ${name}`);
    this.rstack.push(rule);
    try {
      return this.expr(rule.expr);
    } finally {
      this.rstack.pop();
    }
  }

  private text(from: number): string {
    const { input, unitIndex } = this.src;
    return input.slice(unitIndex[from], unitIndex[this.pos]);
  }

  private expr(e: PegExpr): Out {
    if (++this.exprCount > this.maxExpressions) throw new MaxExpressionsExceeded();
    const start = this.pos;
    switch (e.kind) {
      case 'lit': {
        let i = 0;
        for (const ch of e.text) {
          if (this.src.runes[start + i] !== ch.codePointAt(0)) {
            this.failAt(false, start, e.want);
            this.pos = start;
            return NO_MATCH;
          }
          i++;
        }
        this.pos = start + i;
        this.failAt(true, start, e.want);
        return e.text;
      }
      case 'class': {
        const cp = this.src.runes[start];
        if (cp === undefined || !e.test(cp)) {
          this.failAt(false, start, e.display);
          return NO_MATCH;
        }
        this.pos++;
        this.failAt(true, start, e.display);
        return String.fromCodePoint(cp);
      }
      case 'any': {
        const cp = this.src.runes[start];
        if (cp === undefined) {
          this.failAt(false, start, '.');
          return NO_MATCH;
        }
        this.pos++;
        this.failAt(true, start, '.');
        return String.fromCodePoint(cp);
      }
      case 'seq': {
        const values: Out[] = [];
        for (const part of e.exprs) {
          const v = this.expr(part);
          if (v === NO_MATCH) {
            this.pos = start;
            return NO_MATCH;
          }
          values.push(v);
        }
        return values;
      }
      case 'choice': {
        for (const alt of e.alts) {
          const v = this.expr(alt);
          if (v !== NO_MATCH) return v;
        }
        return NO_MATCH;
      }
      case 'star':
      case 'plus': {
        const values: Out[] = [];
        for (;;) {
          const v = this.expr(e.expr);
          if (v === NO_MATCH) break;
          values.push(v);
        }
        return e.kind === 'plus' && values.length === 0 ? NO_MATCH : values;
      }
      case 'opt': {
        const v = this.expr(e.expr);
        return v === NO_MATCH ? null : v;
      }
      case 'and': {
        const v = this.expr(e.expr);
        this.pos = start;
        return v === NO_MATCH ? NO_MATCH : null;
      }
      case 'not': {
        this.invert = !this.invert;
        const v = this.expr(e.expr);
        this.invert = !this.invert;
        this.pos = start;
        return v === NO_MATCH ? null : NO_MATCH;
      }
      case 'fail':
        this.addErrorAt(e.message, start);
        return NO_MATCH;
      case 'action': {
        const v = this.expr(e.expr);
        if (v === NO_MATCH) return NO_MATCH;
        return e.run(v, this.text(start), (message) => this.addErrorAt(message, start));
      }
      case 'ref':
        return this.rule(e.rule);
      default:
        return assertNever(e);
    }
  }
}

// Go's sort.Strings orders by bytes; for these ASCII strings that is code unit order.
function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function runPeg(
  g: PegGrammar,
  input: string,
  maxExpressions = DEFAULT_MAX_EXPRESSIONS,
): PegResult {
  return new PegRun(g, toSourceText(input), maxExpressions).run();
}
