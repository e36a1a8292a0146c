import type { SchedulerNode } from './node';

// Nomad's computed node class: nodes that agree on everything constraints can look at share a
// class, so feasibility is evaluated once per class. Keys under `unique.` are left out (they
// differ per node by definition). The hash only has to be stable, not Nomad's own.

export function computedNodeClass(
  node: Pick<SchedulerNode, 'datacenter' | 'attributes' | 'meta' | 'nodeClass' | 'nodePool'>,
): string {
  const shared = (map: Readonly<Record<string, string>>): [string, string][] =>
    Object.entries(map)
      .filter(([k]) => !k.startsWith('unique.'))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const text = JSON.stringify([
    node.datacenter,
    node.nodeClass,
    node.nodePool,
    shared(node.attributes),
    shared(node.meta),
  ]);
  return `v1:${fnv1a(text, 0x811c9dc5)}${fnv1a(text, 0x01000193)}`;
}

function fnv1a(text: string, seed: number): string {
  let h = seed >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
