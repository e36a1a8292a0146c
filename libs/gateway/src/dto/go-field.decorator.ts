// class-validator decorators that carry the Go type of a request field, so a DTO class is a
// faithful copy of Nomad's request struct: its property names are the Go field names (which is
// what key binding needs) and a wrong JSON type is reported in encoding/json's words.
import { registerDecorator } from 'class-validator';
import { isPlainObject, misfit, jsonTypeName, type GoScalar } from './go-json';

/** What a field accepts: a Go scalar, a struct (object), or a map[string]string. */
export type GoFit = GoScalar | 'struct' | 'stringMap';

export interface GoFieldInfo {
  /** Go's name for the type, as printed in errors: `bool`, `uint64`, `*api.Job`... */
  goType: string;
  fit: GoFit;
}

const FIELDS = new WeakMap<object, Map<string, GoFieldInfo>>();

/** The Go fields declared on a DTO class, in declaration order. */
export function goFieldsOf(dto: object): ReadonlyMap<string, GoFieldInfo> {
  return FIELDS.get(dto) ?? new Map();
}

/** Why `value` does not fit (Go's value description), or undefined when it does. */
export function goMisfit(value: unknown, fit: GoFit): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (fit === 'struct') return isPlainObject(value) ? undefined : jsonTypeName(value);
  if (fit === 'stringMap') {
    if (!isPlainObject(value)) return jsonTypeName(value);
    const bad = Object.values(value).find((v) => misfit(v, 'string') !== undefined);
    return bad === undefined ? undefined : jsonTypeName(bad);
  }
  return misfit(value, fit);
}

/** Declares a Go struct field of the request: `@GoField('uint64') JobModifyIndex?: number`. */
export function GoField(fit: GoFit, goType: string = fit): PropertyDecorator {
  return (target, property) => {
    const name = String(property);
    const cls = target.constructor;
    const fields = FIELDS.get(cls) ?? new Map<string, GoFieldInfo>();
    fields.set(name, { goType, fit });
    FIELDS.set(cls, fields);
    registerDecorator({
      name: 'goField',
      target: cls,
      propertyName: name,
      constraints: [goType],
      validator: {
        validate: (value: unknown) => goMisfit(value, fit) === undefined,
        defaultMessage: () => `cannot unmarshal into ${goType}`,
      },
    });
  };
}
