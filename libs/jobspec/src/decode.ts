// Table-driven decoding of an hcl2json body into an api struct (schema.*.ts), the way gohcl
// decodes jobspec2's tagged structs: unknown arguments and blocks are errors, missing optional
// fields take null (pointers) or the Go zero value.

import { childPath, orderedLabels, type BlockOrder } from './block-order';
import {
  isObject,
  manyBodies,
  singleBody,
  toBoolValue,
  toDurationValue,
  toIntValue,
  toStringList,
  toStringMap,
  toStringValue,
} from './coerce';
import { DecodeProblem } from './jobspec.error';
import type { HclObject, HclValue } from './hcl-parser';
import { passThrough } from './pass-through';
import type { FieldSpec, Kind, StructSpec } from './schema.types';

export type ApiObject = Record<string, unknown>;

export interface DecodeContext {
  readonly order: BlockOrder;
  /** Block path of the body being decoded (see block-order.ts). */
  readonly path: string;
}

const isBlockValue = (v: HclValue): boolean =>
  Array.isArray(v) && v.length > 0 && v.every(isObject);

function rejectUnknown(spec: StructSpec, body: HclObject): void {
  const known = new Set([...spec.fields.map((f) => f.hcl), ...(spec.extra ?? [])]);
  for (const [key, value] of Object.entries(body)) {
    if (known.has(key)) continue;
    if (key === 'dynamic') {
      throw new DecodeProblem(
        'Unsupported block type',
        'dynamic blocks are not supported by Caravan.',
      );
    }
    throw isBlockValue(value) || (isObject(value) && Object.values(value).every(isBlockValue))
      ? new DecodeProblem(
          'Unsupported block type',
          `Blocks of type "${key}" are not expected here.`,
        )
      : new DecodeProblem(
          'Unsupported argument',
          `An argument named "${key}" is not expected here.`,
        );
  }
}

function zeroValue(f: FieldSpec): unknown {
  if (f.fixed !== undefined || f.hcl === undefined) return f.fixed ?? null;
  if (f.ptr) return null;
  switch (f.kind.t) {
    case 'string':
      return '';
    case 'int':
    case 'duration':
      return 0;
    case 'bool':
      return false;
    default:
      return null;
  }
}

export function decodeStruct(
  spec: StructSpec,
  body: HclObject,
  ctx: DecodeContext,
  labelValue?: string,
): ApiObject {
  if (spec.custom !== undefined) return spec.custom(body);
  rejectUnknown(spec, body);
  const out: ApiObject = {};
  for (const f of spec.fields) {
    const raw = f.hcl === undefined ? undefined : body[f.hcl];
    let value: unknown;
    if (f.label === true) value = labelValue ?? '';
    else if (raw === undefined || raw === null) {
      if (f.required === true && raw === undefined) {
        throw new DecodeProblem(
          'Missing required argument',
          `The argument "${f.hcl ?? f.go}" is required, but no definition was found.`,
        );
      }
      value = zeroValue(f);
    } else value = decodeKind(f.kind, raw, f.hcl ?? f.go, ctx);
    if (!(f.omitEmpty === true && value === null)) out[f.go] = value;
  }
  spec.after?.(out, body, ctx);
  return out;
}

export function decodeKind(kind: Kind, raw: HclValue, name: string, ctx: DecodeContext): unknown {
  switch (kind.t) {
    case 'string':
      return toStringValue(raw, name);
    case 'int':
      return toIntValue(raw, name);
    case 'bool':
      return toBoolValue(raw, name);
    case 'duration':
      return toDurationValue(raw, name);
    case 'strings':
      return toStringList(raw, name);
    case 'stringMap':
      return toStringMap(raw, name);
    case 'anyMap':
      return singleBody(raw, name);
    case 'stringListMap':
      return Object.fromEntries(
        Object.entries(singleBody(raw, name)).map(([k, v]) => [k, toStringList(v, k)]),
      );
    case 'raw':
      return passThrough(singleBody(raw, name));
    case 'block':
      return decodeStruct(kind.s, singleBody(raw, name), {
        ...ctx,
        path: childPath(ctx.path, name),
      });
    case 'blocks':
      return manyBodies(raw, name).map((b) =>
        decodeStruct(kind.s, b, { ...ctx, path: childPath(ctx.path, name) }),
      );
    case 'labeled':
      return labeledBodies(raw, name, ctx).map(([l, b]) =>
        decodeStruct(kind.s, b, { ...ctx, path: childPath(ctx.path, name, l) }, l),
      );
    case 'labeledMap':
      return Object.fromEntries(
        labeledBodies(raw, name, ctx).map(([l, b]) => [
          l,
          decodeStruct(kind.s, b, { ...ctx, path: childPath(ctx.path, name, l) }, l),
        ]),
      );
    default:
      return assertNever(kind);
  }
}

/** `type "label" { }` blocks, as (label, body) pairs in source order. */
export function labeledBodies(
  raw: HclValue,
  name: string,
  ctx: DecodeContext,
): [string, HclObject][] {
  if (!isObject(raw)) {
    throw new DecodeProblem(
      'Missing name for ' + name,
      `All ${name} blocks must have 1 labels (name).`,
    );
  }
  const labels = orderedLabels(ctx.order, ctx.path, name, Object.keys(raw));
  return labels.flatMap((l) =>
    manyBodies(raw[l] ?? [], name).map((b): [string, HclObject] => [l, b]),
  );
}

function assertNever(x: never): never {
  throw new Error(`unexpected kind ${JSON.stringify(x)}`);
}
