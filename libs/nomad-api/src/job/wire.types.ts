// Primitive vocabulary of Nomad's wire format.

/**
 * A Go `time.Duration` or Unix-nanosecond `int64`. Nomad sends these as integer nanoseconds;
 * the `@caravan/json` codec turns values beyond 2^53 into bigint, so both forms occur.
 */
export type Nanos = number | bigint;

/** Go `map[string]string`: nil encodes as `null`. */
export type StringMap = Record<string, string>;

/**
 * The decoded-body form of a server shape: every key may be missing or `null`, recursively.
 * Go's decoder fills a zero value for a missing key; canonicalization turns this form into the
 * full shape.
 */
export type Loose<T> = T extends Nanos | string | boolean
  ? T
  : T extends readonly (infer U)[]
    ? Loose<U>[]
    : T extends object
      ? { [K in keyof T]?: Loose<T[K]> | null }
      : T;
