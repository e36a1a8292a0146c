import { ensureReadModelSchema, readModelTables } from '@caravan/read-models';
import { openTestEnv, ReadModelTestEnv } from './read-models.int-fixture';

describe('read-model schema', () => {
  let env: ReadModelTestEnv;
  beforeAll(async () => {
    env = await openTestEnv();
  });
  afterAll(() => env.close());

  it('matches the TypeORM entities exactly (synchronize would change nothing)', async () => {
    const sql = await env.dataSource.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  });

  it('rebuilds the tables when a table exists in another shape', async () => {
    await env.dataSource.query('drop table rm_nodes');
    await env.dataSource.query('create table rm_nodes (id text primary key)');
    await env.dataSource.query(`delete from rm_schema where table_name = 'rm_nodes'`);
    await env.dataSource.query(
      `insert into rm_checkpoint (name, "index") values ('projector', 7)
       on conflict (name) do update set "index" = 7`,
    );
    await ensureReadModelSchema(env.dataSource);
    const sql = await env.dataSource.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
    // every table was dropped, the checkpoint with them: the projector replays from 0
    expect(await env.dataSource.query('select * from rm_checkpoint')).toEqual([]);
  });

  it('is idempotent when several replicas apply it at once', async () => {
    await Promise.all([1, 2, 3].map(() => ensureReadModelSchema(env.dataSource)));
    const rows = await env.dataSource.query<{ table_name: string }[]>(
      `select table_name from information_schema.tables where table_name like 'rm\\_%' order by 1`,
    );
    expect(rows.map((r) => r.table_name)).toEqual([...readModelTables(), 'rm_schema'].sort());
  });
});
