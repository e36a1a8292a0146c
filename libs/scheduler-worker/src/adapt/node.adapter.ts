import { computedNodeClass, type SchedulerNode } from '@caravan/domain/scheduler';
import type { NodeView } from '@caravan/scheduling';

// A node as the state folds it (Nomad's Node JSON from NodeRegistered) → the scheduler's node.
// Capacity is the state's schedulable capacity (simulated nodes reserve nothing), so the
// scheduler and the plan applier's capacity table agree on what fits.

const DEFAULT_MIN_PORT = 20000;
const DEFAULT_MAX_PORT = 32000;

export function toSchedulerNode(view: NodeView): SchedulerNode {
  const n = view.node;
  const node: SchedulerNode = {
    id: n.ID,
    name: n.Name,
    datacenter: n.Datacenter,
    nodePool: n.NodePool,
    nodeClass: n.NodeClass,
    status: view.status,
    eligibility: n.SchedulingEligibility,
    drain: n.Drain,
    attributes: n.Attributes,
    meta: n.Meta,
    resources: {
      cpuMhz: view.capacity.cpu,
      memoryMb: view.capacity.mem,
      diskMb: view.capacity.disk,
    },
    reserved: { cpuMhz: 0, memoryMb: 0, diskMb: 0, ports: [] },
    dynamicPorts: {
      min: n.NodeResources.MinDynamicPort || DEFAULT_MIN_PORT,
      max: n.NodeResources.MaxDynamicPort || DEFAULT_MAX_PORT,
    },
    computedClass: '',
  };
  return { ...node, computedClass: computedNodeClass(node) };
}

/** The address ports are bound on (Nomad's AllocatedPortMapping.HostIP). */
export function hostIp(view: NodeView | undefined): string {
  return view?.node.NodeResources?.Networks?.[0]?.IP ?? '';
}
