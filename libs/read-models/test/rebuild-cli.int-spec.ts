import { JobEntity, readAppliedIndex } from '@caravan/read-models';
import { main } from '../src/rebuild/rebuild.cli';
import { appendAll, openTestEnv, ReadModelTestEnv, workload } from './read-models.int-fixture';

describe('rebuild CLI', () => {
  let env: ReadModelTestEnv;
  beforeAll(async () => {
    env = await openTestEnv();
  });
  afterAll(() => env.close());

  it('replays the log named by DATABASE_URL into fresh read models', async () => {
    await appendAll(env.store, workload(120));
    // A stale row the log never produced: the rebuild must drop it.
    const stale = { namespace: 'default', id: 'stale', name: 'stale', type: 'batch' };
    const indexes = { createIndex: 1, modifyIndex: 1, jobModifyIndex: 1, lastIndex: 999 };
    await env.dataSource.getRepository(JobEntity).insert({
      ...stale,
      ...indexes,
      status: 'dead',
      priority: 50,
      stop: true,
      version: 0,
      submitTime: 0n,
      job: {},
      stub: {},
      statusInputs: {},
      liveAllocs: [],
    });
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    let printed: string[] = [];
    try {
      await main({ DATABASE_URL: env.db.url });
    } finally {
      printed = write.mock.calls.map((call) => String(call[0]));
      write.mockRestore();
    }
    expect(printed).toContainEqual(
      expect.stringMatching(/^read models rebuilt to log index 120 in /),
    );
    expect((await readAppliedIndex(env.dataSource)).applied).toBe(120);
    expect(await env.dataSource.getRepository(JobEntity).findOneBy({ id: 'stale' })).toBeNull();
    expect(await env.dataSource.getRepository(JobEntity).count()).toBeGreaterThan(3);
  });

  it('refuses to start without DATABASE_URL, naming it', async () => {
    await expect(main({})).rejects.toMatchObject({
      code: 'CONFIG_MISSING',
      message: expect.stringMatching(/DATABASE_URL/),
    });
  });
});
