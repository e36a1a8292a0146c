import { createLogger } from '@caravan/observability';
import { createTestDatabase, waitFor, type TestDatabase } from '@caravan/testkit';
import type { Client } from 'pg';
import { INDEX_HUB_APPLICATION_NAME, IndexHub } from '../src/index-hub/index-hub';
import { connectWithReadModels, publishIndex } from './read-model-tables.fixture';

const logger = createLogger('index-hub-test', { level: 'silent' });

describe('IndexHub against real PostgreSQL', () => {
  let db: TestDatabase;
  let sql: Client;
  let hub: IndexHub;

  beforeAll(async () => {
    db = await createTestDatabase();
    sql = await connectWithReadModels(db.url);
    await publishIndex(sql, 7, { rm_jobs: 7, rm_nodes: 3 });
    hub = await IndexHub.open(db.url, { logger, reconnectDelayMs: 500 });
  });

  afterAll(async () => {
    await hub?.close();
    await sql?.end();
    await db?.drop();
  });

  it('reads the current indexes when it connects', () => {
    expect(hub.appliedIndex).toBe(7);
    expect(hub.tableIndex('rm_jobs')).toBe(7);
    expect(hub.tableIndex('rm_nodes')).toBe(3);
    expect(hub.tableIndex('rm_unknown')).toBe(0);
  });

  it('releases 10,000 waiters with one notification', async () => {
    const deadline = Date.now() + 60_000;
    const waits = Array.from({ length: 10_000 }, () => hub.waitForTable('rm_jobs', 7, deadline));
    expect(hub.waiting).toBe(10_000);

    await publishIndex(sql, 8, { rm_jobs: 8 });
    const released = await Promise.all(waits);

    expect(released.filter((index) => index === 8)).toHaveLength(10_000);
    expect(hub.waiting).toBe(0);
  });

  it('does not release waiters of a table that did not move', async () => {
    const wait = hub.waitForTable('rm_nodes', 3, Date.now() + 60_000);
    await publishIndex(sql, 9, { rm_jobs: 9 });
    await waitFor(() => hub.appliedIndex === 9);
    expect(hub.waiting).toBe(1);
    await publishIndex(sql, 10, { rm_nodes: 10 });
    await expect(wait).resolves.toBe(10);
  });

  it('answers read-your-writes waits, and reports a timeout as false', async () => {
    const reached = hub.waitForApplied(11, 30_000);
    await publishIndex(sql, 11, {});
    await expect(reached).resolves.toBe(true);
    await expect(hub.waitForApplied(12, 50)).resolves.toBe(false);
  });

  it('reconnects after losing its connection and catches up from the tables', async () => {
    const { rows } = await sql.query<{ n: number }>(
      'SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()',
      [INDEX_HUB_APPLICATION_NAME],
    );
    expect(rows[0]!.n).toBe(1);
    // The first reconnect waits 500 ms, long enough to observe the gap.
    await waitFor(() => !hub.connected, { timeoutMs: 5_000, intervalMs: 10 });
    // Published while the hub is away: the NOTIFY is lost, the tables are not.
    await publishIndex(sql, 20, { rm_jobs: 20 });

    await waitFor(() => hub.connected && hub.tableIndex('rm_jobs') === 20, { timeoutMs: 10_000 });
    expect(hub.appliedIndex).toBe(20);
    // And it is listening again.
    const wait = hub.waitForTable('rm_jobs', 20, Date.now() + 30_000);
    await publishIndex(sql, 21, { rm_jobs: 21 });
    await expect(wait).resolves.toBe(21);
  });
});
