import type { Loose, Spread } from '@caravan/nomad-api';
import { listAsGiven, num, str } from './loose';
import { DEFAULT_AFFINITY_WEIGHT } from './spec.defaults';

export function canonicalizeSpread(s: Loose<Spread>): Spread {
  return {
    Attribute: str(s.Attribute),
    Weight: s.Weight ?? DEFAULT_AFFINITY_WEIGHT,
    SpreadTarget:
      listAsGiven(s.SpreadTarget)?.map((t) => ({ Value: str(t.Value), Percent: num(t.Percent) })) ??
      null,
  };
}
