/** The parts of Nomad's Node JSON a simulated client reports when it registers. */
export interface NodeSpec {
  ID: string;
  Name: string;
  Datacenter: string;
  NodePool: string;
  NodeClass: string;
  Status: string;
  SchedulingEligibility: 'eligible' | 'ineligible';
  Drain: boolean;
  Attributes: Record<string, string>;
  Meta: Record<string, string>;
  NodeResources: {
    Cpu: { CpuShares: number; TotalCpuCores: number };
    Memory: { MemoryMB: number };
    Disk: { DiskMB: number };
    Networks: { Mode: string; Device: string; CIDR: string; IP: string; MBits: number }[];
    MinDynamicPort: number;
    MaxDynamicPort: number;
  };
  HTTPAddr: string;
}

export type NodeEvent =
  | { type: 'NodeRegistered'; data: { node: NodeSpec } }
  | {
      type: 'NodeStatusChanged';
      data: { nodeId: string; status: NodeStatus; statusUpdatedAt: number };
    };

export type NodeStatus = 'initializing' | 'ready' | 'down' | 'disconnected';
