import type { Pool } from 'pg';
import type { AllocationEvent, NewAllocation } from '@caravan/domain/allocations';
import { claimOf } from '@caravan/scheduling';

// The source of truth for capacity tests: the allocation events in es_events, folded into
// what each node holds, beside what the capacity table says.

export interface NodeTruth {
  cpu: number;
  mem: number;
  disk: number;
  ports: number[];
}

export async function liveAllocations(pool: Pool): Promise<NewAllocation[]> {
  const { rows } = await pool.query<{ type: AllocationEvent['type']; data: unknown }>(
    `select type, data from es_events where category = 'allocation' order by global_position`,
  );
  const live = new Map<string, NewAllocation>();
  for (const { type, data } of rows) {
    if (type === 'AllocationPlaced')
      live.set(
        (data as { allocation: NewAllocation }).allocation.ID,
        (data as { allocation: NewAllocation }).allocation,
      );
    if (type === 'AllocationStopRequested') live.delete((data as { ID: string }).ID);
  }
  return [...live.values()];
}

export function usageFromEvents(allocs: NewAllocation[]): Map<string, NodeTruth> {
  const byNode = new Map<string, NodeTruth>();
  for (const a of allocs) {
    const c = claimOf(a.AllocatedResources);
    const t = byNode.get(a.NodeID) ?? { cpu: 0, mem: 0, disk: 0, ports: [] };
    byNode.set(a.NodeID, {
      cpu: t.cpu + c.cpu,
      mem: t.mem + c.mem,
      disk: t.disk + c.disk,
      ports: [...t.ports, ...c.ports],
    });
  }
  return byNode;
}

export async function usageTable(
  pool: Pool,
): Promise<Map<string, { cpu: number; mem: number; disk: number }>> {
  const { rows } = await pool.query<{ node_id: string; cpu: string; mem: string; disk: string }>(
    'select node_id, cpu_used cpu, mem_used mem, disk_used disk from sched_node_usage',
  );
  return new Map(
    rows.map((r) => [r.node_id, { cpu: Number(r.cpu), mem: Number(r.mem), disk: Number(r.disk) }]),
  );
}
