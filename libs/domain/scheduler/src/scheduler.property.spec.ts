import fc from 'fast-check';
import type { SchedulerAllocation } from './model/allocation';
import { terminal } from './model/allocation';
import type { SchedulerNode } from './model/node';
import type { Plan } from './model/plan';
import { aJob, anAlloc, aNode, run, type World } from './testing/scheduler-builders';

// Invariants over random clusters: never more allocations than count, never over a node's
// capacity (ports included), and the same inputs and seed always give the same plan.

const nodeArb = fc.record({
  cpu: fc.integer({ min: 500, max: 4000 }),
  mem: fc.integer({ min: 512, max: 4096 }),
  ports: fc.integer({ min: 0, max: 4 }), // a tiny dynamic range makes ports run out
  status: fc.constantFrom('ready', 'ready', 'ready', 'down' as const),
  drain: fc.constantFrom(false, false, false, false, false, false, false, false, false, true),
});

const worldArb = fc.record({
  nodes: fc.array(nodeArb, { minLength: 1, maxLength: 8 }),
  type: fc.constantFrom('service', 'batch', 'system', 'sysbatch'),
  count: fc.integer({ min: 0, max: 20 }),
  cpu: fc.integer({ min: 100, max: 1500 }),
  mem: fc.integer({ min: 64, max: 1500 }),
  staticPort: fc.boolean(),
  dynamicPorts: fc.integer({ min: 0, max: 2 }),
  existing: fc.array(
    fc.record({
      index: fc.integer({ min: 0, max: 25 }),
      node: fc.nat(),
      status: fc.constantFrom('running', 'pending', 'failed', 'complete'),
      oldVersion: fc.boolean(),
    }),
    { maxLength: 25 },
  ),
  seed: fc.integer({ min: 0, max: 2 ** 31 }),
});

type Params = typeof worldArb extends fc.Arbitrary<infer T> ? T : never;

function build(p: Params): World {
  const nodes: SchedulerNode[] = p.nodes.map((n, i) =>
    aNode(i, {
      resources: { cpuMhz: n.cpu, memoryMb: n.mem, diskMb: 100_000 },
      status: n.status as SchedulerNode['status'],
      drain: Boolean(n.drain),
      dynamicPorts: { min: 20000, max: 20000 + n.ports - 1 },
    }),
  );
  const network = {
    Mode: 'host',
    ReservedPorts: p.staticPort ? [{ Label: 'http', Value: 8080, To: 0 }] : [],
    DynamicPorts: Array.from({ length: p.dynamicPorts }, (_, i) => ({
      Label: `d${i}`,
      Value: 0,
      To: 0,
    })),
  };
  const shape = {
    type: p.type,
    count: p.count,
    cpu: p.cpu,
    mem: p.mem,
    memory: p.mem,
    group: { Networks: [network] },
  };
  const job = aJob(shape, 20, 1);
  const old = aJob({ ...shape, cpu: p.cpu + 1 }, 10, 0);
  // Existing allocations are only kept where they fit, so the starting state is valid.
  const used = new Map<string, { cpu: number; mem: number; ports: Set<number> }>();
  const allocs: SchedulerAllocation[] = [];
  for (const e of p.existing) {
    const node = nodes[e.node % nodes.length]!;
    const version = e.oldVersion ? old : job;
    const u = used.get(node.id) ?? { cpu: 0, mem: 0, ports: new Set<number>() };
    const ports = p.staticPort
      ? [{ label: 'http', value: 8080, to: 0, hostNetwork: 'default' }]
      : [];
    const alloc = anAlloc(version, e.index, node, {
      id: `a${allocs.length}`,
      clientStatus: e.status as never,
      resources: {
        cpuMhz: version.TaskGroups![0]!.Tasks![0]!.Resources!.CPU,
        memoryMb: p.mem,
        diskMb: 300,
        ports,
        tasks: {},
      },
      finishedAt: e.status === 'failed' ? 1 : 0,
    });
    const live = !terminal(alloc);
    if (live) {
      const fits =
        u.cpu + alloc.resources.cpuMhz <= node.resources.cpuMhz &&
        u.mem + p.mem <= node.resources.memoryMb &&
        !ports.some((x) => u.ports.has(x.value));
      if (!fits) continue;
      u.cpu += alloc.resources.cpuMhz;
      u.mem += p.mem;
      ports.forEach((x) => u.ports.add(x.value));
      used.set(node.id, u);
    }
    allocs.push(alloc);
  }
  return { nodes, jobs: [job], allocs };
}

/** Allocations that will be live once the plan is applied, with their resources. */
function after(world: World, plan: Plan) {
  const stopped = new Set(plan.stops.map((s) => s.allocId));
  const inPlace = new Map(plan.inPlaceUpdates.map((u) => [u.allocId, u.resources]));
  const existing = (world.allocs ?? [])
    .filter((a) => !terminal(a) && !stopped.has(a.id))
    .map((a) => ({
      nodeId: a.nodeId,
      group: a.taskGroup,
      resources: inPlace.get(a.id) ?? a.resources,
    }));
  return [
    ...existing,
    ...plan.placements.map((p) => ({
      nodeId: p.nodeId,
      group: p.taskGroup,
      resources: p.resources,
    })),
  ];
}

describe('scheduler invariants', () => {
  it('never places more allocations than the group count', () => {
    fc.assert(
      fc.property(worldArb, (p) => {
        const world = build(p);
        const plan = run(world, undefined, p.seed);
        const live = after(world, plan).filter((a) => a.group === 'web');
        const onUpNodes = live.filter(
          (a) => world.nodes.find((n) => n.id === a.nodeId)?.status !== 'down',
        );
        if (p.type === 'system' || p.type === 'sysbatch') {
          // One set of `count` names per node.
          for (const node of world.nodes) {
            const here = onUpNodes.filter((a) => a.nodeId === node.id);
            expect(here.length).toBeLessThanOrEqual(p.count);
          }
          return;
        }
        expect(onUpNodes.length).toBeLessThanOrEqual(Math.max(p.count, 0));
        expect(plan.placements.length).toBeLessThanOrEqual(p.count);
      }),
      { numRuns: 300 },
    );
  });

  it('never puts a node over its CPU, memory or ports', () => {
    fc.assert(
      fc.property(worldArb, (p) => {
        const world = build(p);
        const plan = run(world, undefined, p.seed);
        for (const node of world.nodes) {
          const here = after(world, plan).filter((a) => a.nodeId === node.id);
          const cpu = here.reduce((s, a) => s + a.resources.cpuMhz, 0);
          const mem = here.reduce((s, a) => s + a.resources.memoryMb, 0);
          const ports = here.flatMap((a) => a.resources.ports.map((x) => x.value));
          expect(cpu).toBeLessThanOrEqual(node.resources.cpuMhz);
          expect(mem).toBeLessThanOrEqual(node.resources.memoryMb);
          expect(new Set(ports).size).toBe(ports.length);
          for (const port of plan.placements
            .filter((x) => x.nodeId === node.id)
            .flatMap((x) => x.resources.ports)) {
            if (port.label !== 'http') {
              expect(port.value).toBeGreaterThanOrEqual(node.dynamicPorts.min);
              expect(port.value).toBeLessThanOrEqual(node.dynamicPorts.max);
            }
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('gives the same plan for the same inputs and seed', () => {
    fc.assert(
      fc.property(worldArb, (p) => {
        const world = build(p);
        const plan = run(world, undefined, p.seed);
        expect(run(build(p), undefined, p.seed)).toEqual(plan);
        // Plans become events: plain JSON, nothing lost in a round trip.
        expect(JSON.parse(JSON.stringify(plan))).toEqual(plan);
      }),
      { numRuns: 100 },
    );
  });
});
