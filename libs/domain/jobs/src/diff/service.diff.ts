// Services and their checks, matched by name so a changed service is one Edited object.
import type { Service } from '@caravan/nomad-api';
import type { ObjectDiff } from './job-diff.types';
import { blockDiff, present, setDiffs } from './diff-objects';

export function serviceDiffs(
  old: readonly Service[] | null | undefined,
  next: readonly Service[] | null | undefined,
  contextual: boolean,
): ObjectDiff[] {
  return setDiffs('Service', old, next, (s) => `${s.Name}/${s.PortLabel}`, contextual, {
    children: (a, b) => [
      ...setDiffs('Check', a?.Checks, b?.Checks, (c) => c.Name, contextual, { deep: true }),
      ...present(
        blockDiff('ConsulConnect', asBlock(a?.Connect), asBlock(b?.Connect), contextual, {
          deep: true,
        }),
      ),
    ],
  });
}

/** Connect is opaque to Caravan (out of scope), so it is shown leaf by leaf when it is a block. */
function asBlock(value: unknown): object | null {
  return typeof value === 'object' ? value : null;
}
