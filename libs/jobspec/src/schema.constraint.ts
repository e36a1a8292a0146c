// constraint and affinity blocks: jobspec2 decodes them by hand, turning shorthand attributes
// (`version = ">= 1.2"`, `distinct_hosts = true`, ...) into Operand/RTarget/LTarget.

import { DecodeProblem } from './jobspec.error';
import { toBoolValue, toIntValue, toStringValue } from './coerce';
import type { HclObject } from './hcl-parser';
import { struct } from './schema.types';

const CONSTRAINT_KEYS = [
  'attribute',
  'value',
  'operator',
  'distinct_property',
  'distinct_hosts',
  'regexp',
  'version',
  'semver',
  'set_contains',
  'set_contains_all',
  'set_contains_any',
  'is_set',
  'is_not_set',
];
const AFFINITY_KEYS = [
  'attribute',
  'value',
  'operator',
  'weight',
  'version',
  'semver',
  'regexp',
  'set_contains',
  'set_contains_all',
  'set_contains_any',
];

function strings(body: HclObject, keys: readonly string[], block: string): (key: string) => string {
  for (const key of Object.keys(body)) {
    if (!keys.includes(key)) {
      throw new DecodeProblem(
        'Unsupported argument',
        `An argument named "${key}" is not expected here (${block}).`,
      );
    }
  }
  return (key) =>
    body[key] === undefined || body[key] === null ? '' : toStringValue(body[key], key);
}

function decodeConstraint(body: HclObject): Record<string, unknown> {
  const attr = strings(body, CONSTRAINT_KEYS, 'constraint');
  const c = { LTarget: attr('attribute'), RTarget: attr('value'), Operand: attr('operator') };
  // Nomad applies only these shorthands; set_contains_all/any and is_set/is_not_set are
  // accepted but do not change the operand (jobspec2 decodeConstraint).
  for (const op of ['version', 'semver', 'regexp', 'set_contains']) {
    if (attr(op) !== '') {
      c.Operand = op;
      c.RTarget = attr(op);
    }
  }
  const hosts = body['distinct_hosts'];
  if (hosts !== undefined && hosts !== null && toBoolValue(hosts, 'distinct_hosts'))
    c.Operand = 'distinct_hosts';
  if (attr('distinct_property') !== '') {
    c.Operand = 'distinct_property';
    c.LTarget = attr('distinct_property');
  }
  if (c.Operand === '') c.Operand = '=';
  return c;
}

function decodeAffinity(body: HclObject): Record<string, unknown> {
  const attr = strings(body, AFFINITY_KEYS, 'affinity');
  const a = {
    LTarget: attr('attribute'),
    RTarget: attr('value'),
    Operand: attr('operator'),
    Weight: null as number | null,
  };
  const weight = body['weight'];
  if (weight !== undefined && weight !== null) {
    // Go converts to int8 by truncation, as jobspec2 does.
    a.Weight = (toIntValue(weight, 'weight') << 24) >> 24;
  }
  for (const op of [
    'version',
    'semver',
    'regexp',
    'set_contains_any',
    'set_contains_all',
    'set_contains',
  ]) {
    if (attr(op) !== '') {
      a.Operand = op;
      a.RTarget = attr(op);
    }
  }
  if (a.Operand === '') a.Operand = '=';
  return a;
}

export const CONSTRAINT = struct('Constraint', [], { custom: decodeConstraint });
export const AFFINITY = struct('Affinity', [], { custom: decodeAffinity });
