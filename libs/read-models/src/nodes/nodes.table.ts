import { column, defineTable } from '../schema/table-definition';
import type { NomadNodeJson } from './node.events';
import type { NodeRow } from './node.row';

export const NODES_TABLE = defineTable<NodeRow>('rm_nodes', {
  id: column.key({ primary: true }),
  name: column.text(),
  datacenter: column.text(),
  nodePool: column.text({ name: 'node_pool' }),
  status: column.text(),
  createIndex: column.logIndex('create_index'),
  modifyIndex: column.logIndex('modify_index'),
  node: column.jsonb<NomadNodeJson>(),
  lastIndex: column.logIndex('last_index'),
});

export const NodeEntity = NODES_TABLE.entity;
