// Constraints, affinities and spreads: sets at job, group and task level alike.
import type { Affinity, Constraint, Spread } from '@caravan/nomad-api';
import type { ObjectDiff } from './job-diff.types';
import { contentKey, setDiffs } from './diff-objects';

interface Placement {
  Constraints: Constraint[] | null;
  Affinities: Affinity[] | null;
  Spreads?: Spread[] | null;
}

/**
 * Nomad keys these by their string form, so an edited constraint shows as the old one
 * Deleted and the new one Added, never as Edited.
 */
export function placementDiffs(
  old: Placement | null,
  next: Placement | null,
  contextual: boolean,
): ObjectDiff[] {
  return [
    ...setDiffs('Constraint', old?.Constraints, next?.Constraints, contentKey, contextual),
    ...setDiffs('Affinity', old?.Affinities, next?.Affinities, contentKey, contextual),
    ...setDiffs('Spread', old?.Spreads, next?.Spreads, contentKey, contextual, {
      children: (a, b) =>
        setDiffs('SpreadTarget', a?.SpreadTarget, b?.SpreadTarget, (t) => t.Value, contextual),
    }),
  ];
}
