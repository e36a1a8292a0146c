// Evaluation of the expressions hcl2json leaves as text. hcl2json renders every non-literal
// expression as "${<source>}"; Nomad evaluates `var.*` and `local.*` and keeps any other
// variable traversal (`${attr.kernel.name}`, `${NOMAD_ALLOC_ID}`, `${meta.x}`) as its source
// text for the client to interpolate at run time. We do the same for traversals; function calls,
// operators, conditionals, `for` and `%{}` directives are not evaluated and are rejected, so
// output is never silently different from Nomad's.

import { DecodeProblem } from './jobspec.error';
import type { HclObject, HclValue } from './hcl-parser';

export interface Scope {
  readonly var: Readonly<Record<string, HclValue>>;
  readonly local: Readonly<Record<string, HclValue>>;
}

type Part =
  | { kind: 'text'; text: string }
  | { kind: 'interp'; expr: string }
  | { kind: 'directive'; src: string };

const TRAVERSAL =
  /^\s*([A-Za-z_][A-Za-z0-9_-]*)((?:\s*\.\s*[A-Za-z_][A-Za-z0-9_-]*|\s*\.\s*\d+|\s*\[\s*(?:\d+|"(?:[^"\\]|\\.)*")\s*\])*)\s*$/;
const STEP = /\.\s*([A-Za-z_][A-Za-z0-9_-]*|\d+)|\[\s*(\d+|"(?:[^"\\]|\\.)*")\s*\]/g;

export class MissingReference extends DecodeProblem {}

/** Split a rendered template into literal text (escapes undone), interpolations and directives. */
export function splitTemplate(s: string): Part[] {
  const parts: Part[] = [];
  let text = '';
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    const next = s[i + 1];
    if ((c === '$' || c === '%') && next === c && s[i + 2] === '{') {
      text += `${c}{`;
      i += 3;
    } else if ((c === '$' || c === '%') && next === '{') {
      const end = closingBrace(s, i + 2);
      if (text !== '') parts.push({ kind: 'text', text });
      text = '';
      const inner = s.slice(i + 2, end);
      parts.push(
        c === '$'
          ? { kind: 'interp', expr: inner }
          : { kind: 'directive', src: s.slice(i, end + 1) },
      );
      i = end + 1;
    } else {
      text += c;
      i++;
    }
  }
  if (text !== '' || parts.length === 0) parts.push({ kind: 'text', text });
  return parts;
}

function closingBrace(s: string, from: number): number {
  let depth = 0;
  let inString = false;
  for (let i = from; i < s.length; i++) {
    const c = s[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '{') depth++;
    else if (c === '}') {
      if (depth === 0) return i;
      depth--;
    }
  }
  return s.length;
}

function unsupported(src: string): DecodeProblem {
  return new DecodeProblem(
    'Unsupported expression',
    `Caravan evaluates variable references (var.*, local.*) only; cannot evaluate ${JSON.stringify(src)}`,
  );
}

/** The value of a traversal, or undefined when its root is not `var`/`local` (kept as text). */
function evaluateTraversal(expr: string, scope: Scope): HclValue | undefined {
  const m = TRAVERSAL.exec(expr);
  if (m === null) throw unsupported(`\${${expr}}`);
  const root = m[1];
  if (root !== 'var' && root !== 'local') return undefined;
  const steps = [...(m[2] ?? '').matchAll(STEP)].map(
    (s) => s[1] ?? (JSON.parse(s[2] ?? '""') as string | number),
  );
  const [name, ...rest] = steps;
  const table = root === 'var' ? scope.var : scope.local;
  if (name === undefined) throw unsupported(`\${${expr}}`);
  if (!Object.prototype.hasOwnProperty.call(table, String(name))) {
    const what =
      root === 'var'
        ? 'Reference to undeclared input variable'
        : 'Reference to undeclared local value';
    throw new MissingReference(what, `${root}.${String(name)} is not declared.`);
  }
  let value = table[String(name)] ?? null;
  for (const step of rest) value = index(value, step, expr);
  return value;
}

function index(value: HclValue, step: string | number, expr: string): HclValue {
  if (Array.isArray(value) && /^\d+$/.test(String(step))) {
    const item = value[Number(step)];
    if (item !== undefined) return item;
  } else if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    const item = value[String(step)];
    if (item !== undefined) return item;
  }
  throw new DecodeProblem(
    'Invalid index',
    `The expression ${JSON.stringify(expr)} refers to a missing element.`,
  );
}

function asTemplateText(value: HclValue, expr: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new DecodeProblem(
    'Invalid template interpolation value',
    `Cannot include the given value in a string template: string required (in \${${expr}}).`,
  );
}

/** Resolve one rendered string: a lone `${var.x}` keeps the value's type, templates join as text. */
export function resolveString(s: string, scope: Scope): HclValue {
  const parts = splitTemplate(s);
  const only = parts.length === 1 ? parts[0] : undefined;
  if (only?.kind === 'interp') {
    const value = evaluateTraversal(only.expr, scope);
    return value === undefined ? `\${${only.expr}}` : value;
  }
  return parts
    .map((p) => {
      if (p.kind === 'text') return p.text;
      if (p.kind === 'directive') throw unsupported(p.src);
      const value = evaluateTraversal(p.expr, scope);
      return value === undefined ? `\${${p.expr}}` : asTemplateText(value, p.expr);
    })
    .join('');
}

/** Resolve every string in a tree (object keys are literal in jobspecs and stay as written). */
export function resolveValue(value: HclValue, scope: Scope): HclValue {
  if (typeof value === 'string') return resolveString(value, scope);
  if (Array.isArray(value)) return value.map((v) => resolveValue(v, scope));
  if (value !== null && typeof value === 'object') {
    const out: HclObject = {};
    for (const [k, v] of Object.entries(value)) out[k] = resolveValue(v, scope);
    return out;
  }
  return value;
}
