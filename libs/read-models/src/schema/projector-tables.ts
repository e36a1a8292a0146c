import { column, defineTable } from './table-definition';

/** How far the projector has applied the log; one row per runner name (`projector`). */
export const CHECKPOINT_TABLE = defineTable<{ name: string; index: number }>('rm_checkpoint', {
  name: column.text({ primary: true }),
  index: column.logIndex('index'),
});

/** Nomad's table index: the log index of the last event that changed the table. */
export const TABLE_INDEX_TABLE = defineTable<{ tableName: string; index: number }>(
  'rm_table_index',
  {
    tableName: column.text({ name: 'table_name', primary: true }),
    index: column.logIndex('index'),
  },
);

export const ReadModelCheckpointEntity = CHECKPOINT_TABLE.entity;
export const ReadModelTableIndexEntity = TABLE_INDEX_TABLE.entity;
export const PROJECTOR_TABLES_SCHEMA: readonly string[] = [
  ...CHECKPOINT_TABLE.ddl,
  ...TABLE_INDEX_TABLE.ddl,
];
