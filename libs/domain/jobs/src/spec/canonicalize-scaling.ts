// Scaling policies (group horizontal, task vertical).
import type { Loose, ScalingPolicy } from '@caravan/nomad-api';
import { num, str } from './loose';

export function canonicalizeScaling(
  p: Loose<ScalingPolicy>,
  count: number,
  target: Record<string, string>,
): ScalingPolicy {
  return {
    ID: str(p.ID),
    Type: str(p.Type) || 'horizontal',
    Target: target,
    Policy: p.Policy ?? null,
    Min: p.Min ?? count,
    // Nomad marks a missing max with -1 so validation can reject it.
    Max: p.Max ?? -1,
    Enabled: p.Enabled ?? true,
    CreateIndex: num(p.CreateIndex),
    ModifyIndex: num(p.ModifyIndex),
  };
}
