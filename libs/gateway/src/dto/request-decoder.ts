// Decodes a request body into a DTO the way Go's encoding/json decodes into Nomad's request
// struct: keys bind case-insensitively, unknown keys are ignored, the last duplicate wins,
// `null` leaves the zero value, and the first value of the wrong type (in document order)
// is a 400 in encoding/json's words. The DTO's class-validator rules do the type checks.
import { validateSync } from 'class-validator';
import { goFieldsOf, goMisfit } from './go-field.decorator';
import { fieldLookup, isPlainObject, unmarshalFieldError, unmarshalValueError } from './go-json';

export interface DecodeOptions {
  /** Go's name of the struct, for messages: `JobRegisterRequest`. */
  struct: string;
  /** Its package-qualified name, for a body that is not an object: `api.JobRegisterRequest`. */
  qualified: string;
  /** Extra binding for nested fields (e.g. the Job tree), run in document order. */
  nested?: Readonly<Record<string, (value: Record<string, unknown>, path: string) => unknown>>;
}

type Ctor<T> = new () => T;

/** `body` must not be undefined (the caller answers "Request body is empty" first). */
export function decodeRequest<T extends object>(
  dto: Ctor<T>,
  body: unknown,
  options: DecodeOptions,
): T {
  const instance = new dto();
  if (body === null) return instance; // Go: `null` decodes to the zero struct
  if (!isPlainObject(body)) throw unmarshalValueError(body, options.qualified);
  const fields = goFieldsOf(dto);
  const lookup = fieldLookup(fields.keys());
  const order: string[] = [];
  const bound: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(body)) {
    const name = lookup.get(key) ?? lookup.get(key.toLowerCase());
    if (name === undefined) continue;
    bound[name] = value;
    order.push(name);
  }
  Object.assign(instance, bound);
  const failed = new Set(validateSync(instance).map((e) => e.property));
  for (const name of order) {
    const info = fields.get(name);
    const value = bound[name];
    if (info === undefined) continue;
    const path = `${options.struct}.${name}`;
    if (failed.has(name)) {
      throw unmarshalFieldError(goMisfit(value, info.fit) ?? 'value', path, info.goType);
    }
    const nested = options.nested?.[name];
    if (nested !== undefined && isPlainObject(value)) {
      (instance as Record<string, unknown>)[name] = nested(value, path);
    }
  }
  return instance;
}
