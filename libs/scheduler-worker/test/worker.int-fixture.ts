import { randomUUID } from 'node:crypto';
import type { AllocationEvent, NewAllocation } from '@caravan/domain/allocations';
import { evaluationCreated, planJobAppends } from '@caravan/domain/jobs';
import { nodeStream, simulatedNode, type NodeSpec } from '@caravan/domain/nodes';
import { schedulerFixtures } from '@caravan/domain/scheduler';
import type { PostgresEventStore, RecordedEvent } from '@caravan/event-store';
import { claimOf, type EvaluationView, SchedulingState } from '@caravan/scheduling';

// Arrange the world with events, as the domain defines them: nodes register (NodeRegistered,
// as the node simulator appends it), jobs register with their evaluation in one append (as the
// registry does). The truth for assertions is the log itself.

export async function registerNodes(
  store: PostgresEventStore,
  count: number,
  size: { cpu: number; mem: number; disk: number },
  prefix = 'sim',
): Promise<NodeSpec[]> {
  const nodes = Array.from({ length: count }, (_, k) => {
    const n = simulatedNode(prefix, k, 'dc1', (s) => s);
    return {
      ...n,
      Status: 'ready',
      NodeResources: {
        ...n.NodeResources,
        Cpu: { CpuShares: size.cpu, TotalCpuCores: 1 },
        Memory: { MemoryMB: size.mem },
        Disk: { DiskMB: size.disk },
      },
    };
  });
  for (const node of nodes)
    await store.append({
      stream: nodeStream(node.ID),
      expectedVersion: 'no_stream',
      events: [{ id: randomUUID(), type: 'NodeRegistered', data: { node } }],
    });
  return nodes;
}

/** Registers a service job of `count` × (cpu, 64 MB) with its job-register evaluation. */
export async function registerJob(
  store: PostgresEventStore,
  jobId: string,
  count: number,
  cpu: number,
): Promise<string> {
  const job = {
    ...schedulerFixtures.aJob({ id: jobId, count, cpu, memory: 64 }),
    CreateIndex: 0,
    ModifyIndex: 0,
    JobModifyIndex: 0,
  };
  const evalId = randomUUID();
  const decision = [
    {
      type: 'JobVersionRegistered' as const,
      schemaVersion: 1 as const,
      data: { job, createIndex: null, submission: null },
    },
    evaluationCreated({
      evalId,
      now: BigInt(Date.now()) * 1_000_000n,
      namespace: 'default',
      jobId,
      type: 'service',
      priority: 50,
      trigger: 'job-register',
      jobModifyIndex: 'preceding-event',
    }),
  ];
  const ref = { namespace: 'default', jobId };
  await store.append(
    planJobAppends(ref, 0, decision).map((a) => ({
      ...a,
      events: a.events.map((e) => ({ ...e, id: randomUUID() })),
    })),
  );
  return evalId;
}

export async function readAll(store: PostgresEventStore): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for (;;) {
    const page = await store.readLog(all[all.length - 1]?.logIndex ?? 0, 5_000);
    if (page.length === 0) return all;
    all.push(...page);
  }
}

/** Every evaluation in the log, folded: the assertions' view of their statuses. */
export async function evaluations(store: PostgresEventStore): Promise<EvaluationView[]> {
  const state = new SchedulingState();
  const events = await readAll(store);
  for (const e of events) state.apply(e);
  const ids = new Set(
    events.filter((e) => e.category === 'evaluation').map((e) => e.streamId.slice(11)),
  );
  const snap = state.snapshot();
  return [...ids].map((id) => snap.evaluation(id)!);
}

/** Live allocations per the allocation events (placed and not stopped). */
export function liveAllocations(events: RecordedEvent[]): NewAllocation[] {
  const live = new Map<string, NewAllocation>();
  for (const e of events as RecordedEvent<AllocationEvent['type']>[]) {
    if (e.type === 'AllocationPlaced') {
      const a = (e.data as { allocation: NewAllocation }).allocation;
      live.set(a.ID, a);
    }
    if (e.type === 'AllocationStopRequested') live.delete((e.data as { ID: string }).ID);
  }
  return [...live.values()];
}

export function usageByNode(allocs: NewAllocation[]): Map<string, { cpu: number; mem: number }> {
  const byNode = new Map<string, { cpu: number; mem: number }>();
  for (const a of allocs) {
    const c = claimOf(a.AllocatedResources);
    const u = byNode.get(a.NodeID) ?? { cpu: 0, mem: 0 };
    byNode.set(a.NodeID, { cpu: u.cpu + c.cpu, mem: u.mem + c.mem });
  }
  return byNode;
}

export async function usageTable(store: PostgresEventStore) {
  const { rows } = await store.pool.query<{ node_id: string; cpu: string; mem: string }>(
    'select node_id, cpu_used cpu, mem_used mem from sched_node_usage where cpu_used > 0',
  );
  return new Map(rows.map((r) => [r.node_id, { cpu: Number(r.cpu), mem: Number(r.mem) }]));
}
