// The `Job` of a request body, bound the way Go's encoding/json binds it to api.Job: keys
// match struct fields case-insensitively (renamed here to the Go field name, so the PascalCase
// code after this sees one spelling), and a value of the wrong JSON type is Go's 400. Keys
// that name no field are kept as they are: nothing downstream reads them (canonicalization
// builds the job field by field), exactly as Go drops them.
//
// The field tables are the jobspec library's description of Nomad's api structs (Go field
// name, kind, pointer), the same tables the HCL decoder uses, so the two entry points agree.
import { JOB_STRUCT, type FieldSpec, type Kind, type StructSpec } from '@caravan/jobspec';
import {
  fieldLookup,
  jsonTypeName,
  isPlainObject,
  misfit,
  unmarshalFieldError,
  type GoScalar,
} from './go-json';

// Constraint and Affinity are decoded by hand in the jobspec library (HCL shorthands), so they
// have no table there; their api structs are small.
const CONSTRAINT_FIELDS = ['LTarget', 'RTarget', 'Operand'];
const AFFINITY_FIELDS = ['LTarget', 'RTarget', 'Operand', 'Weight'];
// Server-owned fields the HCL tables mark as raw, with their Go types.
const SERVER_SCALARS: Readonly<Record<string, GoScalar>> = {
  Stop: 'bool',
  ParentID: 'string',
  Dispatched: 'bool',
  DispatchIdempotencyToken: 'string',
  ConsulNamespace: 'string',
  VaultNamespace: 'string',
  NomadTokenID: 'string',
  Status: 'string',
  StatusDescription: 'string',
  Stable: 'bool',
  Version: 'uint64',
  SubmitTime: 'int64',
  CreateIndex: 'uint64',
  ModifyIndex: 'uint64',
  JobModifyIndex: 'uint64',
  Payload: 'string',
};

const SCALAR_GO_TYPE: Readonly<Record<string, GoScalar>> = {
  string: 'string',
  int: 'int',
  bool: 'bool',
  duration: 'time.Duration',
};

const lookups = new WeakMap<StructSpec, Map<string, FieldSpec>>();

function fieldsOf(spec: StructSpec): Map<string, FieldSpec> {
  let table = lookups.get(spec);
  if (table !== undefined) return table;
  const names =
    spec.name === 'Constraint'
      ? CONSTRAINT_FIELDS
      : spec.name === 'Affinity'
        ? AFFINITY_FIELDS
        : spec.fields.map((f) => f.go);
  const byName = new Map(spec.fields.map((f) => [f.go, f] as const));
  const lookup = fieldLookup(names);
  table = new Map<string, FieldSpec>();
  for (const [key, go] of lookup) {
    table.set(key, byName.get(go) ?? { go, kind: { t: 'string' }, ptr: true });
  }
  lookups.set(spec, table);
  return table;
}

function goTypeOf(kind: Kind): string {
  switch (kind.t) {
    case 'block':
      return `api.${kind.s.name}`;
    case 'blocks':
    case 'labeled':
      return `[]*api.${kind.s.name}`;
    case 'labeledMap':
      return `map[string]*api.${kind.s.name}`;
    case 'strings':
      return '[]string';
    case 'stringMap':
      return 'map[string]string';
    case 'stringListMap':
      return 'map[string][]string';
    case 'anyMap':
      return 'map[string]interface {}';
    case 'raw':
      return 'interface {}';
    default:
      return SCALAR_GO_TYPE[kind.t] ?? kind.t;
  }
}

/** Binds `job` (already known to be an object) to api.Job; `path` is e.g. `JobRegisterRequest.Job`. */
export function normalizeJobBody(
  job: Record<string, unknown>,
  path: string,
): Record<string, unknown> {
  return bindStruct(job, JOB_STRUCT, path);
}

function bindStruct(
  value: Record<string, unknown>,
  spec: StructSpec,
  path: string,
): Record<string, unknown> {
  const fields = fieldsOf(spec);
  const out: Record<string, unknown> = {};
  for (const [key, raw] of Object.entries(value)) {
    const field = fields.get(key) ?? fields.get(key.toLowerCase());
    if (field === undefined) {
      if (!(key in out)) out[key] = raw;
      continue;
    }
    out[field.go] = bindValue(raw, field, `${path}.${field.go}`);
  }
  return out;
}

function bindValue(raw: unknown, field: FieldSpec, path: string): unknown {
  if (raw === null || raw === undefined) return raw;
  const kind = field.kind;
  const server = SERVER_SCALARS[field.go];
  if (kind.t === 'raw' && server !== undefined) return scalar(raw, server, path);
  switch (kind.t) {
    case 'string':
    case 'int':
    case 'bool':
    case 'duration':
      return scalar(raw, SCALAR_GO_TYPE[kind.t] ?? 'string', path);
    case 'strings':
      return list(raw, path, kind, (item) => scalar(item, 'string', path));
    case 'stringMap':
      return map(raw, path, kind, (item) => scalar(item, 'string', path));
    case 'stringListMap':
      return map(raw, path, kind, (item) =>
        list(item, path, { t: 'strings' }, (s) => scalar(s, 'string', path)),
      );
    case 'anyMap':
      return map(raw, path, kind, (item) => item);
    case 'raw':
      return raw;
    case 'block':
      if (!isPlainObject(raw)) throw unmarshalFieldError(describe(raw), path, goTypeOf(kind));
      return bindStruct(raw, kind.s, path);
    case 'blocks':
    case 'labeled':
      return list(raw, path, kind, (item) => {
        if (item === null) return item;
        if (!isPlainObject(item))
          throw unmarshalFieldError(describe(item), path, `api.${kind.s.name}`);
        return bindStruct(item, kind.s, path);
      });
    case 'labeledMap':
      return map(raw, path, kind, (item) => {
        if (item === null) return item;
        if (!isPlainObject(item))
          throw unmarshalFieldError(describe(item), path, `api.${kind.s.name}`);
        return bindStruct(item, kind.s, path);
      });
  }
}

const describe = jsonTypeName;

function scalar(raw: unknown, goType: GoScalar, path: string): unknown {
  const what = misfit(raw, goType);
  if (what !== undefined) throw unmarshalFieldError(what, path, goType);
  return raw;
}

function list(raw: unknown, path: string, kind: Kind, item: (v: unknown) => unknown): unknown[] {
  if (!Array.isArray(raw)) throw unmarshalFieldError(describe(raw), path, goTypeOf(kind));
  return raw.map(item);
}

function map(
  raw: unknown,
  path: string,
  kind: Kind,
  item: (v: unknown) => unknown,
): Record<string, unknown> {
  if (!isPlainObject(raw)) throw unmarshalFieldError(describe(raw), path, goTypeOf(kind));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) out[k] = item(v);
  return out;
}
