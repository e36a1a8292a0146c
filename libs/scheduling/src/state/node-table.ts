import type { NodeEvent } from '@caravan/domain/nodes';
import { assertNever } from '@caravan/domain/shared';
import type { NodeView, Resources } from './scheduling-state.types';

// Nodes and what their allocations hold. Usage is maintained by the allocation table through
// `hold`/`free`, so a scheduler reads a node's free capacity without summing allocations.

interface MutableNode extends NodeView {
  used: Resources;
  ports: Map<number, string>;
}

export class NodeTable {
  private readonly nodes = new Map<string, MutableNode>();

  get(nodeId: string): NodeView | undefined {
    return this.nodes.get(nodeId);
  }

  all(): Iterable<NodeView> {
    return this.nodes.values();
  }

  apply(event: NodeEvent, logIndex: number): void {
    switch (event.type) {
      case 'NodeRegistered': {
        const { node } = event.data;
        const r = node.NodeResources;
        const existing = this.nodes.get(node.ID);
        this.nodes.set(node.ID, {
          node,
          status: 'ready',
          capacity: { cpu: r.Cpu.CpuShares, mem: r.Memory.MemoryMB, disk: r.Disk.DiskMB },
          capacityIndex: logIndex,
          used: existing?.used ?? { cpu: 0, mem: 0, disk: 0 },
          ports: existing?.ports ?? new Map<number, string>(),
          modifyIndex: logIndex,
          freedIndex: logIndex,
        });
        return;
      }
      case 'NodeStatusChanged': {
        const view = this.nodes.get(event.data.nodeId);
        if (view === undefined) return;
        if (event.data.status === 'ready' && view.status !== 'ready') view.freedIndex = logIndex;
        view.status = event.data.status;
        view.modifyIndex = logIndex;
        return;
      }
      default:
        return assertNever(event);
    }
  }

  /**
   * An allocation may be placed before its node is known here (another lib's log reader, a
   * node registered later in the log than a test's placement): its usage is kept on a
   * placeholder row that registration fills in.
   */
  hold(nodeId: string, allocId: string, r: Resources, ports: number[]): void {
    const view = this.nodes.get(nodeId) ?? this.placeholder(nodeId);
    view.used = {
      cpu: view.used.cpu + r.cpu,
      mem: view.used.mem + r.mem,
      disk: view.used.disk + r.disk,
    };
    for (const port of ports) view.ports.set(port, allocId);
  }

  free(nodeId: string, allocId: string, r: Resources, ports: number[], logIndex: number): void {
    const view = this.nodes.get(nodeId);
    if (view === undefined) return;
    view.freedIndex = logIndex;
    view.used = {
      cpu: view.used.cpu - r.cpu,
      mem: view.used.mem - r.mem,
      disk: view.used.disk - r.disk,
    };
    for (const port of ports) if (view.ports.get(port) === allocId) view.ports.delete(port);
  }

  private placeholder(nodeId: string): MutableNode {
    const view: MutableNode = {
      node: { ID: nodeId } as MutableNode['node'],
      status: 'initializing',
      capacity: { cpu: 0, mem: 0, disk: 0 },
      capacityIndex: 0,
      used: { cpu: 0, mem: 0, disk: 0 },
      ports: new Map(),
      modifyIndex: 0,
      freedIndex: 0,
    };
    this.nodes.set(nodeId, view);
    return view;
  }
}
