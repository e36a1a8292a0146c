// A declarative description of Nomad's api structs as jobspec2 decodes them: the Go field name
// (the JSON key, since the api package has no json tags), the HCL name, the kind of value, and
// whether the Go field is a pointer (absent → null) or a value (absent → its zero value).
// Field order is the Go struct order, so the output's key order matches Nomad's.

import type { DecodeContext } from './decode';
import type { HclObject } from './hcl-parser';

export type Scalar = 'string' | 'int' | 'bool' | 'duration';

export type Kind =
  | { readonly t: Scalar }
  | { readonly t: 'strings' } // []string
  | { readonly t: 'stringMap' } // map[string]string, block or attribute syntax
  | { readonly t: 'anyMap' } // map[string]any: driver config, scaling policy (free-form)
  | { readonly t: 'stringListMap' } // map[string][]string: check headers
  | { readonly t: 'raw' } // best-effort pass-through with PascalCase keys (Consul Connect)
  | { readonly t: 'block'; readonly s: StructSpec } // *T or T from one block
  | { readonly t: 'blocks'; readonly s: StructSpec } // []*T from repeated blocks
  | { readonly t: 'labeled'; readonly s: StructSpec } // []*T from `type "label" {}` blocks
  | { readonly t: 'labeledMap'; readonly s: StructSpec }; // map[string]*T keyed by label

export interface FieldSpec {
  readonly go: string;
  /** Absent: the field is set by the server, never read from HCL. */
  readonly hcl?: string;
  readonly kind: Kind;
  readonly ptr: boolean;
  readonly required?: boolean;
  /** The field receives the block label. */
  readonly label?: boolean;
  /** `json:",omitempty"`: the key is left out when the value is null. */
  readonly omitEmpty?: boolean;
  /** Value for server-only fields (defaults to the zero value). */
  readonly fixed?: unknown;
}

export interface StructSpec {
  readonly name: string;
  readonly fields: readonly FieldSpec[];
  /** HCL names decoded by special code after the table-driven pass. */
  readonly extra?: readonly string[];
  /** Runs after table-driven decoding, for jobspec2's hand-written extras. */
  readonly after?: (out: Record<string, unknown>, body: HclObject, ctx: DecodeContext) => void;
  /** Replaces table-driven decoding (constraint, affinity). */
  readonly custom?: (body: HclObject) => Record<string, unknown>;
}

const k = {
  string: { t: 'string' },
  int: { t: 'int' },
  bool: { t: 'bool' },
  duration: { t: 'duration' },
  strings: { t: 'strings' },
  stringMap: { t: 'stringMap' },
  anyMap: { t: 'anyMap' },
  stringListMap: { t: 'stringListMap' },
  raw: { t: 'raw' },
} as const;

type KindName = keyof typeof k;
const kind = (x: KindName | Kind): Kind => (typeof x === 'string' ? k[x] : x);

/** A pointer field: absent → null. */
export const p = (go: string, hcl: string, x: KindName | Kind): FieldSpec => ({
  go,
  hcl,
  kind: kind(x),
  ptr: true,
});
/** A value field: absent → the Go zero value. */
export const v = (go: string, hcl: string, x: KindName | Kind): FieldSpec => ({
  go,
  hcl,
  kind: kind(x),
  ptr: false,
});
/** A required value/pointer field (gohcl tag without `optional`). */
export const req = (f: FieldSpec): FieldSpec => ({ ...f, required: true });
/** A `json:",omitempty"` field. */
export const omitEmpty = (f: FieldSpec): FieldSpec => ({ ...f, omitEmpty: true });
/** The block label. */
export const label = (go: string, ptr = false): FieldSpec => ({
  go,
  kind: k.string,
  ptr,
  label: true,
});
/** Set by the server, not from HCL. */
export const server = (go: string, fixed: unknown = null): FieldSpec => ({
  go,
  kind: k.raw,
  ptr: true,
  fixed,
});

export const block = (s: StructSpec): Kind => ({ t: 'block', s });
export const blocks = (s: StructSpec): Kind => ({ t: 'blocks', s });
export const labeled = (s: StructSpec): Kind => ({ t: 'labeled', s });
export const labeledMap = (s: StructSpec): Kind => ({ t: 'labeledMap', s });

export const struct = (
  name: string,
  fields: FieldSpec[],
  more: Partial<StructSpec> = {},
): StructSpec => ({
  name,
  fields,
  ...more,
});
