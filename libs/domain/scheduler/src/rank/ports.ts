import type { AssignedPort } from '../model/allocation';
import type { SchedulerNode } from '../model/node';
import type { Prng } from '../util/prng';
import type { PortAsk } from './ask';
import type { NodeUsage } from './placement-context';

// Port assignment on one node (Nomad's NetworkIndex.AssignPorts): static ports must be free;
// dynamic ports are drawn from the node's dynamic range, first by up to 20 random probes, then
// by picking at random among the free ports that remain.

const RANDOM_PROBES = 20;

export type PortResult = { ok: true; ports: AssignedPort[] } | { ok: false; dimension: string };

export function assignPorts(
  node: SchedulerNode,
  usage: NodeUsage,
  statics: readonly PortAsk[],
  dynamics: readonly PortAsk[],
  rng: Prng,
): PortResult {
  if (statics.length === 0 && dynamics.length === 0) return { ok: true, ports: [] };
  if (usage.collision) return { ok: false, dimension: 'network: port collision' };
  const taken = new Set<number>();
  const ports: AssignedPort[] = [];
  for (const p of statics) {
    if (!p.ignoreCollision && (usage.ports.has(p.value) || taken.has(p.value))) {
      return { ok: false, dimension: `network: reserved port collision ${p.label}=${p.value}` };
    }
    taken.add(p.value);
    ports.push(assigned(p, p.value));
  }
  for (const p of dynamics) {
    const value = pickDynamic(node, usage, taken, rng);
    if (value === null) return { ok: false, dimension: 'network: dynamic port selection failed' };
    taken.add(value);
    ports.push(assigned(p, value));
  }
  return { ok: true, ports };
}

function assigned(p: PortAsk, value: number): AssignedPort {
  return { label: p.label, value, to: p.to === -1 ? value : p.to, hostNetwork: p.hostNetwork };
}

function pickDynamic(
  node: SchedulerNode,
  usage: NodeUsage,
  taken: ReadonlySet<number>,
  rng: Prng,
): number | null {
  const { min, max } = node.dynamicPorts;
  const span = max - min + 1;
  if (span <= 0) return null;
  const free = (v: number): boolean => !usage.ports.has(v) && !taken.has(v);
  for (let i = 0; i < RANDOM_PROBES; i++) {
    const v = min + rng.int(span);
    if (free(v)) return v;
  }
  const candidates: number[] = [];
  for (let v = min; v <= max; v++) if (free(v)) candidates.push(v);
  if (candidates.length === 0) return null;
  return candidates[rng.int(candidates.length)] ?? null;
}
