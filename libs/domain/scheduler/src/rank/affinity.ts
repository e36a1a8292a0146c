import type { Affinity, Job, TaskGroup } from '@caravan/nomad-api';
import { checkOperand } from '../feasible/operands';
import { resolveTarget } from '../feasible/targets';
import type { SchedulerNode } from '../model/node';

// Node affinity (Nomad's NodeAffinityIterator): job, group and task affinities merged; the score
// is Σ weight of matching affinities / Σ |weight|, in [−1, 1].

export function groupAffinities(job: Job, group: TaskGroup): Affinity[] {
  return [
    ...(job.Affinities ?? []),
    ...(group.Affinities ?? []),
    ...(group.Tasks ?? []).flatMap((t) => t.Affinities ?? []),
  ];
}

export function affinityScore(affinities: readonly Affinity[], node: SchedulerNode): number {
  let total = 0;
  let sumWeight = 0;
  for (const a of affinities) {
    sumWeight += Math.abs(a.Weight);
    const l = resolveTarget(a.LTarget, node);
    const r = resolveTarget(a.RTarget, node);
    if (checkOperand(a.Operand, l, r)) total += a.Weight;
  }
  return sumWeight === 0 ? 0 : total / sumWeight;
}
