import { READ_MODELS } from '../read-models.registry';
import { column, defineTable } from './table-definition';

interface Row {
  namespace: string;
  jobId: string;
  count: number;
  lastIndex: number;
  doc: { a: number } | null;
}

const TABLE = defineTable<Row>(
  'rm_things',
  {
    namespace: column.key({ primary: true }),
    jobId: column.key({ name: 'job_id', primary: true }),
    count: column.integer(),
    lastIndex: column.logIndex('last_index'),
    doc: column.jsonb<{ a: number } | null>({ nullable: true }),
  },
  { indexes: [{ name: 'rm_things_count', columns: ['count'] }] },
);

describe('defineTable (one definition per read-model table)', () => {
  it('derives the DDL from the column list', () => {
    expect(TABLE.ddl).toEqual([
      'create table if not exists "rm_things" ("namespace" text collate "C" not null, ' +
        '"job_id" text collate "C" not null, "count" integer not null, ' +
        '"last_index" bigint not null, "doc" jsonb, primary key ("namespace", "job_id"))',
      'create index if not exists "rm_things_count" on "rm_things" ("count")',
    ]);
  });

  it('derives the SQL column names the gateway queries with', () => {
    expect(TABLE.columns).toEqual({
      namespace: 'namespace',
      jobId: 'job_id',
      count: 'count',
      lastIndex: 'last_index',
      doc: 'doc',
    });
  });

  it('derives the TypeORM entity: names, types, keys, collation, nullability', () => {
    const columns = TABLE.entity.options.columns;
    expect(TABLE.entity.options.tableName).toBe('rm_things');
    expect(columns.jobId).toMatchObject({
      name: 'job_id',
      type: 'text',
      primary: true,
      collation: 'C',
    });
    expect(columns.doc).toMatchObject({ type: 'jsonb', nullable: true, primary: false });
    expect(columns.lastIndex?.transformer).toBeDefined();
  });

  it('pairs every read model with the table its projection writes', () => {
    for (const model of READ_MODELS) expect(model.table.name).toBe(model.projection.table);
    expect(READ_MODELS.map((m) => m.table.name)).toEqual([
      'rm_jobs',
      'rm_job_versions',
      'rm_job_summaries',
      'rm_evaluations',
      'rm_nodes',
      'rm_allocations',
    ]);
  });
});
