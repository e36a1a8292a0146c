// Type constraints of `variable` blocks (`type = list(string)`), which hcl2json hands over as
// the text "${list(string)}", and cty-style conversion of values into them.

import { DecodeProblem } from './jobspec.error';
import type { HclObject, HclValue } from './hcl-parser';

export type VarType =
  | { kind: 'any' | 'string' | 'number' | 'bool' }
  | { kind: 'list' | 'set' | 'map'; element: VarType }
  | { kind: 'object' | 'tuple' }; // attribute/element types are not checked

export function parseTypeExpr(raw: HclValue | undefined): VarType {
  if (raw === undefined || raw === null) return { kind: 'any' };
  const text = typeof raw === 'string' ? raw.replace(/^\$\{([\s\S]*)\}$/, '$1').trim() : '';
  const parsed = parseType(text.replace(/\s+/g, ''));
  if (parsed === undefined) {
    throw new DecodeProblem(
      'Invalid type specification',
      `The type constraint ${JSON.stringify(text)} is not valid.`,
    );
  }
  return parsed;
}

function parseType(t: string): VarType | undefined {
  if (t === 'any' || t === 'string' || t === 'number' || t === 'bool') return { kind: t };
  const m = /^(list|set|map)\((.*)\)$/.exec(t);
  if (m !== null) {
    const element = parseType(m[2] ?? '');
    return element === undefined ? undefined : { kind: m[1] as 'list' | 'set' | 'map', element };
  }
  if (/^object\(/.test(t)) return { kind: 'object' };
  if (/^tuple\(/.test(t)) return { kind: 'tuple' };
  return undefined;
}

const typeName = (t: VarType): string =>
  'element' in t ? `${t.kind} of ${typeName(t.element)}` : t.kind;

export function convertToType(
  value: HclValue,
  type: VarType,
  name: string,
  from: string,
): HclValue {
  const converted = convert(value, type);
  if (converted === undefined) {
    throw new DecodeProblem(
      from === 'default' ? 'Invalid default value for variable' : 'Invalid value for variable',
      `The value for ${name} (from ${from}) is not compatible with the variable's type constraint: ${typeName(type)} required.`,
    );
  }
  return converted;
}

function isObject(v: HclValue): v is HclObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

function convert(value: HclValue, type: VarType): HclValue | undefined {
  if (value === null) return null;
  switch (type.kind) {
    case 'any':
      return value;
    case 'string':
      return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
        ? String(value)
        : undefined;
    case 'number':
      if (typeof value === 'number') return value;
      return typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))
        ? Number(value)
        : undefined;
    case 'bool':
      if (typeof value === 'boolean') return value;
      return value === 'true' ? true : value === 'false' ? false : undefined;
    case 'list':
    case 'set': {
      if (!Array.isArray(value)) return undefined;
      const items = value.map((v) => convert(v, type.element));
      return items.some((v) => v === undefined) ? undefined : (items as HclValue[]);
    }
    case 'map': {
      if (!isObject(value)) return undefined;
      const out: HclObject = {};
      for (const [k, v] of Object.entries(value)) {
        const c = convert(v, type.element);
        if (c === undefined) return undefined;
        out[k] = c;
      }
      return out;
    }
    case 'object':
      return isObject(value) ? value : undefined;
    case 'tuple':
      return Array.isArray(value) ? value : undefined;
    default:
      return assertNever(type);
  }
}

function assertNever(x: never): never {
  throw new Error(`unexpected variable type ${JSON.stringify(x)}`);
}
