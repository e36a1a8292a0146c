import { Column, Entity, PrimaryColumn } from 'typeorm';
import { indexColumn } from '../data-source/column-transformers';
import type { NomadNodeJson } from './node.events';
import type { NodeRow } from './node.row';

@Entity({ name: 'rm_nodes' })
export class NodeEntity implements NodeRow {
  @PrimaryColumn({ type: 'text' })
  id!: string;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'text' })
  datacenter!: string;

  @Column({ name: 'node_pool', type: 'text' })
  nodePool!: string;

  @Column({ type: 'text' })
  status!: string;

  @Column({ name: 'create_index', type: 'bigint', transformer: indexColumn })
  createIndex!: number;

  @Column({ name: 'modify_index', type: 'bigint', transformer: indexColumn })
  modifyIndex!: number;

  @Column({ type: 'jsonb' })
  node!: NomadNodeJson;

  @Column({ name: 'last_index', type: 'bigint', transformer: indexColumn })
  lastIndex!: number;
}

export const NODES_SCHEMA: readonly string[] = [
  `create table if not exists rm_nodes (
     id           text   not null primary key,
     name         text   not null,
     datacenter   text   not null,
     node_pool    text   not null,
     status       text   not null,
     create_index bigint not null,
     modify_index bigint not null,
     node         jsonb  not null,
     last_index   bigint not null
   )`,
];
