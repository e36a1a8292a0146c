import { Column, Entity, PrimaryColumn } from 'typeorm';
import { indexColumn } from '../data-source/column-transformers';

/** How far the projector has applied the log; one row per runner name (`projector`). */
@Entity({ name: 'rm_checkpoint' })
export class ReadModelCheckpointEntity {
  @PrimaryColumn({ type: 'text' })
  name!: string;

  @Column({ name: 'index', type: 'bigint', transformer: indexColumn })
  index!: number;
}

/** Nomad's table index: the log index of the last event that changed the table. */
@Entity({ name: 'rm_table_index' })
export class ReadModelTableIndexEntity {
  @PrimaryColumn({ name: 'table_name', type: 'text' })
  tableName!: string;

  @Column({ name: 'index', type: 'bigint', transformer: indexColumn })
  index!: number;
}

export const PROJECTOR_TABLES_SCHEMA: readonly string[] = [
  `create table if not exists rm_checkpoint (
     name    text   not null primary key,
     "index" bigint not null
   )`,
  `create table if not exists rm_table_index (
     table_name text   not null primary key,
     "index"    bigint not null
   )`,
];
