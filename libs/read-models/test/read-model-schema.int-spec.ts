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

  it('is idempotent when several replicas apply it at once', async () => {
    await Promise.all([1, 2, 3].map(() => ensureReadModelSchema(env.dataSource)));
    const rows = await env.dataSource.query<{ table_name: string }[]>(
      `select table_name from information_schema.tables where table_name like 'rm\\_%' order by 1`,
    );
    expect(rows.map((r) => r.table_name)).toEqual([...readModelTables()].sort());
  });
});
