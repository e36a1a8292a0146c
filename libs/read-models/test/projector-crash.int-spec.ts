import { Client } from 'pg';
import type { EntityManager } from 'typeorm';
import { waitFor } from '@caravan/testkit';
import {
  applyBatch,
  PROJECTOR_NAME,
  ProjectorRunner,
  readAppliedIndex,
} from '@caravan/read-models';
import { WITH_EVENT_COUNTS } from './event-counts.read-model';
import {
  appendAll,
  dumpTables,
  openTestEnv,
  ReadModelTestEnv,
  workload,
} from './read-models.int-fixture';

// Nothing lost, nothing doubled: after a crash inside a batch, the event counts per stream
// must equal what the log holds, and the applied index must be the head.

const projections = WITH_EVENT_COUNTS.map((m) => m.projection);

async function expectExactlyOnce(env: ReadModelTestEnv): Promise<void> {
  const log = await env.store.readLog(0, 10_000);
  const expected = new Map<string, { events: number; indexSum: number }>();
  for (const e of log) {
    const row = expected.get(e.streamId) ?? { events: 0, indexSum: 0 };
    expected.set(e.streamId, { events: row.events + 1, indexSum: row.indexSum + e.logIndex });
  }
  const rows = await env.dataSource.query<
    { stream_id: string; events: number; index_sum: number }[]
  >('select stream_id, events, index_sum::int as index_sum from rm_test_event_counts');
  const actual = new Map(
    rows.map((r) => [r.stream_id, { events: r.events, indexSum: r.index_sum }]),
  );
  expect(actual).toEqual(expected);
  expect((await readAppliedIndex(env.dataSource)).applied).toBe(log.length);
}

describe('projector crash inside a batch', () => {
  let env: ReadModelTestEnv;
  let admin: Client;
  beforeEach(async () => {
    env = await openTestEnv(WITH_EVENT_COUNTS);
    admin = new Client({ connectionString: env.db.url });
    await admin.connect();
    await appendAll(env.store, workload(300));
  });
  afterEach(async () => {
    await admin.end();
    await env.close();
  });

  it('converges after its connection is terminated mid-transaction', async () => {
    let batches = 0;
    const killThirdBatch = async (manager: EntityManager): Promise<void> => {
      if (++batches !== 3) return;
      const [{ pid }] = await manager.query<[{ pid: number }]>('select pg_backend_pid() as pid');
      await admin.query('select pg_terminate_backend($1)', [pid]);
    };
    const crashing = new ProjectorRunner(env.store, env.dataSource, {
      projections,
      batchSize: 40,
      beforeCommit: killThirdBatch,
    });
    await expect(crashing.catchUp()).rejects.toThrow();
    // Two batches committed; the third rolled back with its connection.
    expect((await readAppliedIndex(env.dataSource)).applied).toBe(80);
    const counted = await env.dataSource.query<[{ n: number }]>(
      'select sum(events)::int as n from rm_test_event_counts',
    );
    expect(counted[0].n).toBe(80);

    const restarted = new ProjectorRunner(env.store, env.dataSource, {
      projections,
      batchSize: 40,
    });
    expect(await restarted.catchUp()).toBe(300);
    await expectExactlyOnce(env);
  });

  it('a leader whose batch throws retries and converges', async () => {
    let failures = 0;
    const errors: unknown[] = [];
    const runner = new ProjectorRunner(env.store, env.dataSource, {
      projections,
      batchSize: 25,
      retryDelayMs: 50,
      onError: (e) => errors.push(e),
      beforeCommit: async (_manager, index) => {
        if (index.applied === 150 && failures++ < 2)
          throw new Error('injected failure before commit');
      },
    });
    runner.start();
    try {
      await waitFor(async () => (await readAppliedIndex(env.dataSource)).applied === 300, {
        timeoutMs: 20_000,
        message: 'projector converges after injected failures',
      });
    } finally {
      await runner.stop();
    }
    expect(failures).toBe(3);
    expect(errors.map((e) => (e as Error).message)).toEqual([
      'injected failure before commit',
      'injected failure before commit',
    ]);
    await expectExactlyOnce(env);
  });

  it('a second runner racing the first applies nothing twice (checkpoint compare-and-set)', async () => {
    const a = new ProjectorRunner(env.store, env.dataSource, { projections, batchSize: 7 });
    const b = new ProjectorRunner(env.store, env.dataSource, { projections, batchSize: 11 });
    const [applied] = await Promise.all([a.catchUp(), b.catchUp()]);
    expect(applied).toBe(300);
    await expectExactlyOnce(env);
  });

  it('a stale batch is refused: the checkpoint never moves back and no row changes', async () => {
    await new ProjectorRunner(env.store, env.dataSource, { projections }).catchUp();
    const before = await dumpTables(env.dataSource, WITH_EVENT_COUNTS);
    const stale = await env.store.readLog(0, 10);
    const outcome = await applyBatch(env.dataSource, projections, PROJECTOR_NAME, 0, stale);
    expect(outcome).toEqual({ kind: 'moved', current: 300 });
    expect(await dumpTables(env.dataSource, WITH_EVENT_COUNTS)).toEqual(before);
  });

  it('rows ignore events they have seen, even if the checkpoint is lost', async () => {
    await new ProjectorRunner(env.store, env.dataSource, { projections }).catchUp();
    const before = await dumpTables(env.dataSource, WITH_EVENT_COUNTS);
    await env.dataSource.query('delete from rm_checkpoint');
    expect(
      await new ProjectorRunner(env.store, env.dataSource, {
        projections,
        batchSize: 50,
      }).catchUp(),
    ).toBe(300);
    await expectExactlyOnce(env);
    expect(await dumpTables(env.dataSource, WITH_EVENT_COUNTS)).toEqual(before);
  });
});
