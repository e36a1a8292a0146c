import type { NewAllocation, AllocatedResources } from '@caravan/domain/allocations';

// What an allocation holds on its node while it is not terminal: Nomad's AllocsFit counts the
// tasks' CPU shares and MemoryMB (not MemoryMaxMB), the group's shared disk, and reserved and
// dynamic ports. Ports are claimed per node (Nomad claims per node address; simulated nodes
// have one).

export interface ResourceClaim {
  allocId: string;
  nodeId: string;
  namespace: string;
  jobId: string;
  name: string;
  cpu: number;
  mem: number;
  disk: number;
  ports: number[];
}

export function claimOf(
  resources: AllocatedResources,
): Pick<ResourceClaim, 'cpu' | 'mem' | 'disk' | 'ports'> {
  let cpu = 0;
  let mem = 0;
  for (const task of Object.values(resources.Tasks)) {
    cpu += task.Cpu.CpuShares;
    mem += task.Memory.MemoryMB;
  }
  const ports = (resources.Shared.Ports ?? []).map((p) => p.Value).filter((p) => p > 0);
  return {
    cpu,
    mem,
    disk: resources.Shared.DiskMB,
    ports: [...new Set(ports)].sort((a, b) => a - b),
  };
}

export function placementClaim(a: NewAllocation): ResourceClaim {
  return {
    allocId: a.ID,
    nodeId: a.NodeID,
    namespace: a.Namespace,
    jobId: a.JobID,
    name: a.Name,
    ...claimOf(a.AllocatedResources),
  };
}
