// Best-effort mapping for blocks Caravan does not model field by field (Consul Connect): keys
// become PascalCase, a block written once becomes an object, a repeated block a list. Known
// list-valued blocks stay lists even when written once.

import { isObject } from './coerce';
import type { HclValue } from './hcl-parser';

const LIST_BLOCKS = new Set([
  'upstreams',
  'listener',
  'service',
  'path',
  'expose',
  'sidecar_task_config',
]);

const ACRONYMS: Readonly<Record<string, string>> = {
  id: 'ID',
  ip: 'IP',
  tls: 'TLS',
  sds: 'SDS',
  http: 'HTTP',
  grpc: 'GRPC',
  dns: 'DNS',
  mb: 'MB',
};

export const pascalCase = (snake: string): string =>
  snake
    .split('_')
    .map((w) => ACRONYMS[w] ?? w.charAt(0).toUpperCase() + w.slice(1))
    .join('');

export function passThrough(value: HclValue, key = ''): unknown {
  if (Array.isArray(value)) {
    const items = value.map((v) => passThrough(v));
    const isBlock = value.length > 0 && value.every(isObject);
    return isBlock && value.length === 1 && !LIST_BLOCKS.has(key) ? items[0] : items;
  }
  if (isObject(value)) {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [pascalCase(k), passThrough(v, k)]),
    );
  }
  return value;
}
