// The scheduler's view of a client node: what feasibility and bin-packing read, in domain terms
// (camelCase, plain numbers). The worker maps Nomad's Node JSON (see @caravan/domain/nodes) onto it.

export type NodeStatus = 'initializing' | 'ready' | 'down' | 'disconnected';
export type NodeEligibility = 'eligible' | 'ineligible';

/** CPU in MHz ("shares"), memory and disk in MB. */
export interface ComparableResources {
  cpuMhz: number;
  memoryMb: number;
  diskMb: number;
}

export interface NodeReserved extends ComparableResources {
  /** host ports no allocation may take (Nomad's `reserved.reserved_ports`) */
  ports: readonly number[];
}

export interface SchedulerNode {
  id: string;
  name: string;
  datacenter: string;
  nodePool: string;
  /** '' when the node has no class; metrics then skip ClassFiltered/ClassExhausted */
  nodeClass: string;
  status: NodeStatus;
  eligibility: NodeEligibility;
  /** a drain strategy is set: no new placements, existing allocations migrate */
  drain: boolean;
  attributes: Readonly<Record<string, string>>;
  meta: Readonly<Record<string, string>>;
  resources: ComparableResources;
  reserved: NodeReserved;
  /** Nomad's `min_dynamic_port`/`max_dynamic_port`, default 20000–32000 */
  dynamicPorts: { min: number; max: number };
  /**
   * Nomad's computed class ("v1:<hash>", see computedNodeClass); feasibility results are cached
   * per class, so it must change whenever attributes, meta, class, pool or datacenter do.
   * '' disables the cache for this node.
   */
  computedClass: string;
}

export const DEFAULT_MIN_DYNAMIC_PORT = 20000;
export const DEFAULT_MAX_DYNAMIC_PORT = 32000;

/** Ready for new placements: Nomad's `Node.Ready()`. */
export function nodeReady(node: SchedulerNode): boolean {
  return node.status === 'ready' && !node.drain && node.eligibility === 'eligible';
}
