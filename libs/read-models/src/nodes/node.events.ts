import type { NodeEvent } from '@caravan/domain/nodes';

// The node stream's events are defined once, in libs/domain/nodes; this read model names the
// parts it reads. `NomadNodeJson` is the row's own shape: Nomad's node JSON as GET serves it.

export type NodeRegisteredData = Extract<NodeEvent, { type: 'NodeRegistered' }>['data'];
export type NodeStatusChangedData = Extract<NodeEvent, { type: 'NodeStatusChanged' }>['data'];

export const NODE_EVENT_TYPES = [
  'NodeRegistered',
  'NodeStatusChanged',
] as const satisfies readonly NodeEvent['type'][];

export interface NomadNodeJson {
  ID: string;
  Name?: string;
  Datacenter?: string;
  NodePool?: string;
  Status?: string;
  [field: string]: unknown;
}
