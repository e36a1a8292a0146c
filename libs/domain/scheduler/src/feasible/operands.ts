import { assertNever } from '@caravan/domain/shared';
import { compileRegex } from './regex';
import type { Resolved } from './targets';
import { versionSatisfies } from './version';

// Nomad's constraint operands. `distinct_hosts` and `distinct_property` are not node predicates
// (they depend on where other allocations are), so they pass here and are enforced by
// `distinct.ts`, as Nomad does with separate iterators.

export const OPERANDS = [
  '=',
  '==',
  'is',
  '!=',
  'not',
  '>',
  '>=',
  '<',
  '<=',
  'regexp',
  'set_contains',
  'set_contains_all',
  'set_contains_any',
  'version',
  'semver',
  'is_set',
  'is_not_set',
  'distinct_hosts',
  'distinct_property',
] as const;

export type Operand = (typeof OPERANDS)[number];

const KNOWN: ReadonlySet<string> = new Set(OPERANDS);

export function isOperand(value: string): value is Operand {
  return KNOWN.has(value);
}

/** Does the resolved pair satisfy the operand? Unknown operands never do. */
export function checkOperand(operand: string, l: Resolved, r: Resolved): boolean {
  if (!isOperand(operand)) return false;
  switch (operand) {
    case '=':
    case '==':
    case 'is':
      return l.found && r.found && l.value === r.value;
    case '!=':
    case 'not':
      // A missing side compares as "": both missing are equal, so the result is false.
      return (l.found ? l.value : '') !== (r.found ? r.value : '');
    case '>':
    case '>=':
    case '<':
    case '<=':
      return l.found && r.found && order(operand, l.value, r.value);
    case 'regexp': {
      if (!l.found || !r.found) return false;
      const matcher = compileRegex(r.value);
      return matcher !== null && matcher(l.value);
    }
    case 'set_contains':
    case 'set_contains_all':
      return l.found && r.found && setContains(l.value, r.value, 'all');
    case 'set_contains_any':
      return l.found && r.found && setContains(l.value, r.value, 'any');
    case 'version':
      return l.found && r.found && versionSatisfies(l.value, r.value, false);
    case 'semver':
      return l.found && r.found && versionSatisfies(l.value, r.value, true);
    case 'is_set':
      return l.found;
    case 'is_not_set':
      return !l.found;
    case 'distinct_hosts':
    case 'distinct_property':
      return true;
    default:
      return assertNever(operand);
  }
}

const INTEGER = /^[+-]?\d+$/;

/** int64 if both parse, else float64 if both parse, else lexical (Nomad's checkOrder). */
function order(op: '>' | '>=' | '<' | '<=', l: string, r: string): boolean {
  let cmp: number;
  if (INTEGER.test(l) && INTEGER.test(r)) {
    const a = BigInt(l);
    const b = BigInt(r);
    cmp = a === b ? 0 : a < b ? -1 : 1;
  } else if (isFloat(l) && isFloat(r)) {
    cmp = Math.sign(Number(l) - Number(r));
  } else {
    cmp = l === r ? 0 : l < r ? -1 : 1;
  }
  switch (op) {
    case '>':
      return cmp > 0;
    case '>=':
      return cmp >= 0;
    case '<':
      return cmp < 0;
    case '<=':
      return cmp <= 0;
    default:
      return assertNever(op);
  }
}

function isFloat(s: string): boolean {
  return s.trim() !== '' && /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$|^[+-]?(Inf|NaN)$/i.test(s);
}

function setContains(l: string, r: string, mode: 'all' | 'any'): boolean {
  const have = new Set(l.split(',').map((s) => s.trim()));
  const want = r.split(',').map((s) => s.trim());
  return mode === 'all' ? want.every((w) => have.has(w)) : want.some((w) => have.has(w));
}
