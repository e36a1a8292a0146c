import { aNode } from '../testing/scheduler-builders';
import { binPackScore, exhaustedDimension } from './binpack';
import { scoringLimit } from './group-ranker';

// The bin-pack formula against hand-computed numbers:
// free = 1 − used/available; score = 20 − (10^freeCpu + 10^freeMem), clamped to [0, 18].

const node = aNode(0, {
  resources: { cpuMhz: 4000, memoryMb: 8192, diskMb: 1000 },
  reserved: { cpuMhz: 0, memoryMb: 0, diskMb: 0, ports: [] },
});

describe('bin-pack score', () => {
  it.each([
    // used cpu, used mem, expected
    [0, 0, 0], // 20 − (10 + 10) = 0
    [4000, 8192, 18], // 20 − (1 + 1) = 18
    [2000, 4096, 20 - 2 * Math.sqrt(10)], // free 0.5 each: 20 − 2·10^0.5 ≈ 13.675
    [500, 256, 20 - (Math.pow(10, 0.875) + Math.pow(10, 0.96875))], // ≈ 3.195
    [4000, 0, 20 - (1 + 10)], // 9
  ])('cpu %d, memory %d → %d', (cpu, mem, expected) => {
    expect(binPackScore(node, { cpuMhz: cpu, memoryMb: mem })).toBeCloseTo(expected, 10);
  });

  it('measures against what is left after the node reserves resources', () => {
    const reserved = aNode(1, {
      resources: { cpuMhz: 4000, memoryMb: 8192, diskMb: 1000 },
      reserved: { cpuMhz: 2000, memoryMb: 4096, diskMb: 0, ports: [] },
    });
    // 1000 of 2000 and 2048 of 4096 usable: free 0.5 each.
    expect(binPackScore(reserved, { cpuMhz: 1000, memoryMb: 2048 })).toBeCloseTo(
      20 - 2 * Math.sqrt(10),
      10,
    );
  });

  it.each<[number, number, number, 'cpu' | 'memory' | 'disk' | null]>([
    [3500, 0, 0, null],
    [3600, 0, 0, 'cpu'],
    [0, 8000, 0, 'memory'],
    [0, 0, 800, 'disk'],
    [3600, 8000, 800, 'cpu'], // the first failing dimension is reported
  ])('used cpu %d mem %d disk %d + ask 500/256/300 → %s', (cpu, mem, disk, dim) => {
    const used = { cpuMhz: cpu, memoryMb: mem, diskMb: disk };
    expect(exhaustedDimension(node, used, { cpuMhz: 500, memoryMb: 256, diskMb: 300 })).toBe(dim);
  });
});

describe('how many nodes are scored', () => {
  it.each<[boolean, number, number, boolean, number]>([
    [true, 5000, 10, false, 2], // batch: power of two choices
    [false, 1, 10, false, 2],
    [false, 5, 10, false, 3], // ⌈log2 5⌉
    [false, 5000, 10, false, 13], // ⌈log2 5000⌉
    [false, 5000, 10, true, 100], // spread/affinity: max(count, 100)
    [true, 5000, 250, true, 250],
  ])('batch=%s nodes=%d count=%d scores=%s → %d', (batch, nodes, count, matter, limit) => {
    expect(scoringLimit(batch, nodes, count, matter)).toBe(limit);
  });
});
