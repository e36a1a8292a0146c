// HCL2 input variables and locals (Nomad's jobspec2 types.variables.go semantics, reduced):
// value precedence default < variable file (the API's `Variables` body) < explicit values
// (like `-var k=v`). Values for undeclared variables are ignored, as Nomad does outside strict
// mode. `validation` blocks are not evaluated.

import { DecodeProblem } from './jobspec.error';
import { MissingReference, resolveValue, type Scope } from './expression';
import type { HclObject, HclValue } from './hcl-parser';
import { convertToType, parseTypeExpr, type VarType } from './variable-types';

export interface VariableInputs {
  /** Contents of an HCL variable file, e.g. `image = "redis:7"`. */
  readonly file?: HclObject;
  /** `-var`-style raw strings; a non-string variable's value is read as an HCL expression. */
  readonly args?: Readonly<Record<string, string>>;
  /** Parses an HCL expression text for complex-typed `args` values. */
  readonly parseExpression: (text: string) => Promise<HclValue>;
}

interface Declaration {
  type: VarType;
  value?: HclValue;
}

const asBodies = (v: HclValue | undefined): HclObject[] =>
  (Array.isArray(v) ? v : v === undefined || v === null ? [] : [v]).filter(
    (b): b is HclObject => b !== null && typeof b === 'object' && !Array.isArray(b),
  );

function declarations(root: HclObject): Map<string, Declaration> {
  const out = new Map<string, Declaration>();
  const add = (name: string, decl: Declaration): void => {
    if (out.has(name))
      throw new DecodeProblem('Duplicate variable', `Duplicate ${name} variable definition found.`);
    out.set(name, decl);
  };
  const blocks = root['variable'];
  if (blocks !== null && typeof blocks === 'object' && !Array.isArray(blocks)) {
    for (const [name, bodies] of Object.entries(blocks)) {
      for (const body of asBodies(bodies)) {
        const type = parseTypeExpr(body['type']);
        const decl: Declaration = { type };
        if ('default' in body)
          decl.value = convertToType(body['default'] ?? null, type, name, 'default');
        add(name, decl);
      }
    }
  }
  for (const body of asBodies(root['variables'])) {
    for (const [name, value] of Object.entries(body)) add(name, { type: { kind: 'any' }, value });
  }
  return out;
}

/** The `var` values of a jobspec, or a problem naming the first unset/ill-typed variable. */
export async function inputVariables(
  root: HclObject,
  inputs: VariableInputs,
): Promise<Record<string, HclValue>> {
  const decls = declarations(root);
  for (const [name, value] of Object.entries(inputs.file ?? {})) {
    const decl = decls.get(name);
    if (decl !== undefined) decl.value = convertToType(value, decl.type, name, 'variable file');
  }
  for (const [name, raw] of Object.entries(inputs.args ?? {})) {
    const decl = decls.get(name);
    if (decl === undefined) continue;
    const value =
      decl.type.kind === 'string' || decl.type.kind === 'any'
        ? raw
        : await argValue(raw, decl.type, inputs);
    decl.value = convertToType(value, decl.type, name, 'argument');
  }
  const vars: Record<string, HclValue> = {};
  for (const [name, decl] of decls) {
    if (decl.value === undefined) {
      throw new DecodeProblem(
        `Unset variable "${name}"`,
        'A used variable must be set or have a default value; see ' +
          'https://developer.hashicorp.com/nomad/docs/reference/hcl2/variables  for details.',
        false,
      );
    }
    vars[name] = decl.value;
  }
  return vars;
}

async function argValue(raw: string, type: VarType, inputs: VariableInputs): Promise<HclValue> {
  if (type.kind === 'number' || type.kind === 'bool') return raw;
  return inputs.parseExpression(raw);
}

/** Locals may refer to variables and to each other in any order; resolve until a fixpoint. */
export function localValues(
  root: HclObject,
  vars: Record<string, HclValue>,
): Record<string, HclValue> {
  const pending = new Map<string, HclValue>();
  for (const body of asBodies(root['locals'])) {
    for (const [name, value] of Object.entries(body)) {
      if (pending.has(name))
        throw new DecodeProblem('Duplicate value in locals', `Duplicate ${name} definition found.`);
      pending.set(name, value);
    }
  }
  const local: Record<string, HclValue> = {};
  while (pending.size > 0) {
    let progressed = false;
    let last: unknown;
    for (const [name, expr] of pending) {
      const scope: Scope = { var: vars, local };
      try {
        local[name] = resolveValue(expr, scope);
        pending.delete(name);
        progressed = true;
      } catch (err) {
        if (!(err instanceof MissingReference)) throw err;
        last = err;
      }
    }
    if (!progressed) throw last;
  }
  return local;
}
