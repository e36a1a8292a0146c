// The node events this read model understands, mirroring the node stream until
// `libs/domain/node` defines them. Field names inside `node` are Nomad's JSON.

export interface NomadNodeJson {
  ID: string;
  Name?: string;
  Datacenter?: string;
  NodePool?: string;
  Status?: string;
  [field: string]: unknown;
}

export interface NodeRegisteredData {
  node: NomadNodeJson;
}

export interface NodeStatusChangedData {
  nodeId: string;
  /** initializing | ready | down | disconnected */
  status: string;
  /** Nomad's StatusUpdatedAt (unix seconds), when the event carries it */
  statusUpdatedAt?: number;
}

export const NODE_EVENT_TYPES = ['NodeRegistered', 'NodeStatusChanged'] as const;
