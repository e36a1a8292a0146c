// Go encoding/json's view of a decoded value: the JSON type names it prints in an
// UnmarshalTypeError and the checks that decide whether a value fits a Go type.
import { badRequest, type NomadCodedError } from '../errors/nomad-coded.error';

/** Go scalar and container types a request field may have. */
export type GoScalar = 'string' | 'bool' | 'int' | 'int64' | 'uint64' | 'time.Duration';

const INT_RANGES: Readonly<Record<string, readonly [bigint, bigint]>> = {
  int: [-(2n ** 63n), 2n ** 63n - 1n],
  int64: [-(2n ** 63n), 2n ** 63n - 1n],
  'time.Duration': [-(2n ** 63n), 2n ** 63n - 1n],
  uint64: [0n, 2n ** 64n - 1n],
};

/** What encoding/json calls the JSON value: `string`, `number`, `bool`, `array`, `object`. */
export function jsonTypeName(value: unknown): string {
  if (typeof value === 'string') return 'string';
  if (typeof value === 'number' || typeof value === 'bigint') return 'number';
  if (typeof value === 'boolean') return 'bool';
  if (Array.isArray(value)) return 'array';
  return 'object';
}

/**
 * Why `value` cannot be stored in a Go field of type `goType`: the value description Go
 * prints (`string`, or `number 1.5` for a number that does not fit), or undefined when it
 * fits. `null` always fits (Go leaves the field at its zero value or nil).
 */
export function misfit(value: unknown, goType: GoScalar): string | undefined {
  if (value === null || value === undefined) return undefined;
  switch (goType) {
    case 'string':
      return typeof value === 'string' ? undefined : jsonTypeName(value);
    case 'bool':
      return typeof value === 'boolean' ? undefined : jsonTypeName(value);
    default: {
      if (typeof value !== 'number' && typeof value !== 'bigint') return jsonTypeName(value);
      const [min, max] = INT_RANGES[goType] ?? [0n, 0n];
      if (typeof value === 'number' && !Number.isInteger(value)) return `number ${value}`;
      const big = BigInt(value);
      return big < min || big > max ? `number ${String(value)}` : undefined;
    }
  }
}

/** `json: cannot unmarshal <what> into Go struct field <Struct.path> of type <goType>` (400). */
export function unmarshalFieldError(what: string, path: string, goType: string): NomadCodedError {
  return badRequest(
    `json: cannot unmarshal ${what} into Go struct field ${path} of type ${goType}`,
  );
}

/** `json: cannot unmarshal <what> into Go value of type <goType>` (400): the body itself misfits. */
export function unmarshalValueError(value: unknown, goType: string): NomadCodedError {
  return badRequest(
    `json: cannot unmarshal ${jsonTypeName(value)} into Go value of type ${goType}`,
  );
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Go binds an object key to a struct field by exact name first, else case-insensitively
 * (encoding/json's fold). Returns the field name, or undefined for a key Go would ignore.
 */
export function bindKey(key: string, fields: ReadonlyMap<string, string>): string | undefined {
  return fields.get(key) ?? fields.get(key.toLowerCase());
}

/** The lookup table bindKey uses: exact names plus their lower-case folds. */
export function fieldLookup(names: Iterable<string>): Map<string, string> {
  const lookup = new Map<string, string>();
  for (const name of names) {
    lookup.set(name, name);
    if (!lookup.has(name.toLowerCase())) lookup.set(name.toLowerCase(), name);
  }
  return lookup;
}
