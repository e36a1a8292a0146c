import type { RecordedEvent } from '@caravan/event-store';
import { assertNever } from '@caravan/domain/shared';
import type { Projection, RowKey } from '../projection/projection.types';
import {
  NODE_EVENT_TYPES,
  NodeRegisteredData,
  NodeStatusChangedData,
  NomadNodeJson,
} from './node.events';
import type { NodeRow } from './node.row';

type NodeEvent =
  | RecordedEvent<'NodeRegistered', NodeRegisteredData>
  | RecordedEvent<'NodeStatusChanged', NodeStatusChangedData>;

function isNodeEvent(event: RecordedEvent): event is NodeEvent {
  return (NODE_EVENT_TYPES as readonly string[]).includes(event.type);
}

function nodeKey(event: NodeEvent): RowKey {
  switch (event.type) {
    case 'NodeRegistered':
      return { id: event.data.node.ID };
    case 'NodeStatusChanged':
      return { id: event.data.nodeId };
    default:
      return assertNever(event);
  }
}

// A re-registration (a client restarting) replaces the node but keeps its CreateIndex, as Nomad does.
function registered(
  row: NodeRow | null,
  event: RecordedEvent<'NodeRegistered', NodeRegisteredData>,
): NodeRow {
  const { node } = event.data;
  const index = event.logIndex;
  const createIndex = row?.createIndex ?? index;
  const status = node.Status ?? 'initializing';
  const nodePool = node.NodePool ?? 'default';
  const datacenter = node.Datacenter ?? 'dc1';
  return {
    id: node.ID,
    name: node.Name ?? node.ID,
    datacenter,
    nodePool,
    status,
    createIndex,
    modifyIndex: index,
    node: {
      ...node,
      Datacenter: datacenter,
      NodePool: nodePool,
      Status: status,
      CreateIndex: createIndex,
      ModifyIndex: index,
    },
    lastIndex: index,
  };
}

function statusChanged(
  row: NodeRow | null,
  event: RecordedEvent<'NodeStatusChanged', NodeStatusChangedData>,
): NodeRow | null {
  if (row === null) return null;
  const { status, statusUpdatedAt } = event.data;
  const node: NomadNodeJson = { ...row.node, Status: status, ModifyIndex: event.logIndex };
  if (statusUpdatedAt !== undefined) node.StatusUpdatedAt = statusUpdatedAt;
  return { ...row, status, modifyIndex: event.logIndex, node, lastIndex: event.logIndex };
}

function evolveNode(row: NodeRow | null, event: NodeEvent): NodeRow | null {
  switch (event.type) {
    case 'NodeRegistered':
      return registered(row, event);
    case 'NodeStatusChanged':
      return statusChanged(row, event);
    default:
      return assertNever(event);
  }
}

/** `rm_nodes`: one row per client node. */
export const nodesProjection: Projection<NodeRow> = {
  name: 'nodes',
  table: 'rm_nodes',
  handles: NODE_EVENT_TYPES,
  key: (event) => (isNodeEvent(event) ? nodeKey(event) : null),
  evolve: (row, event) => (isNodeEvent(event) ? evolveNode(row, event) : row),
};
