import type { SchedulerNode } from '../model/node';

// Constraint targets (`LTarget`, `RTarget`, spread attributes) resolved against one node,
// as Nomad's `resolveTarget`: a literal unless it starts with `${`.

export type Resolved = { found: true; value: string } | { found: false };

const NOT_FOUND: Resolved = { found: false };

export function resolveTarget(target: string, node: SchedulerNode): Resolved {
  if (!target.startsWith('${')) return { found: true, value: target };
  switch (target) {
    case '${node.unique.id}':
      return { found: true, value: node.id };
    case '${node.datacenter}':
      return { found: true, value: node.datacenter };
    case '${node.unique.name}':
      return { found: true, value: node.name };
    case '${node.class}':
      return { found: true, value: node.nodeClass };
    case '${node.pool}':
      return { found: true, value: node.nodePool };
  }
  if (target.startsWith('${attr.') && target.endsWith('}')) {
    return lookup(node.attributes, target.slice(7, -1));
  }
  if (target.startsWith('${meta.') && target.endsWith('}')) {
    return lookup(node.meta, target.slice(7, -1));
  }
  return NOT_FOUND;
}

function lookup(map: Readonly<Record<string, string>>, key: string): Resolved {
  const value = Object.prototype.hasOwnProperty.call(map, key) ? map[key] : undefined;
  return value === undefined ? NOT_FOUND : { found: true, value };
}

/**
 * A target that names something unique to one node escapes the computed-class cache (Nomad's
 * "escaped" constraints): its result cannot be shared between nodes of a class.
 */
export function targetEscapes(target: string): boolean {
  return (
    target.startsWith('${unique.') ||
    target.startsWith('${node.unique.') ||
    target.startsWith('${attr.unique.') ||
    target.startsWith('${meta.unique.')
  );
}
