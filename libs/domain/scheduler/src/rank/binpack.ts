import type { ComparableResources, SchedulerNode } from '../model/node';

// Resource fit and Nomad's default bin-pack score ("BestFit v3").

export const BINPACK_MAX_FIT_SCORE = 18;

export type FitDimension = 'cpu' | 'memory' | 'disk';

/** The first dimension the node cannot hold once `ask` is added to `used`, or null. */
export function exhaustedDimension(
  node: SchedulerNode,
  used: ComparableResources,
  ask: ComparableResources,
): FitDimension | null {
  const cap = available(node);
  if (used.cpuMhz + ask.cpuMhz > cap.cpuMhz) return 'cpu';
  if (used.memoryMb + ask.memoryMb > cap.memoryMb) return 'memory';
  if (used.diskMb + ask.diskMb > cap.diskMb) return 'disk';
  return null;
}

export function available(node: SchedulerNode): ComparableResources {
  return {
    cpuMhz: node.resources.cpuMhz - node.reserved.cpuMhz,
    memoryMb: node.resources.memoryMb - node.reserved.memoryMb,
    diskMb: node.resources.diskMb - node.reserved.diskMb,
  };
}

/**
 * Nomad's ScoreFitBinPack over CPU and memory after adding the ask:
 * free = 1 − used/available per dimension, score = 20 − (10^freeCpu + 10^freeMem), clamped to
 * [0, 18]. An empty node scores about 0 and a full one 18, so fuller nodes win.
 */
export function binPackScore(
  node: SchedulerNode,
  usedWithAsk: Pick<ComparableResources, 'cpuMhz' | 'memoryMb'>,
): number {
  const cap = available(node);
  const freeCpu = 1 - usedWithAsk.cpuMhz / cap.cpuMhz;
  const freeMem = 1 - usedWithAsk.memoryMb / cap.memoryMb;
  const score = 20 - (Math.pow(10, freeCpu) + Math.pow(10, freeMem));
  return Math.min(BINPACK_MAX_FIT_SCORE, Math.max(0, score));
}

/** The score as the ranker appends it (normalized to [0, 1]). */
export function normalizedBinPack(
  node: SchedulerNode,
  usedWithAsk: Pick<ComparableResources, 'cpuMhz' | 'memoryMb'>,
): number {
  return binPackScore(node, usedWithAsk) / BINPACK_MAX_FIT_SCORE;
}
