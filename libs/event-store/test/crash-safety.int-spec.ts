import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { Client } from 'pg';
import { waitFor } from '@caravan/testkit';
import {
  appendTo,
  closeStoreFixture,
  event,
  openStoreFixture,
  StoreFixture,
} from './event-store.int-fixture';

describe('crash safety', () => {
  let fixture: StoreFixture | undefined;
  afterEach(async () => closeStoreFixture(fixture));

  it('an appender process killed mid-transaction leaves nothing behind', async () => {
    fixture = await openStoreFixture();
    const { store, db } = fixture;
    await store.append(appendTo('before', 'no_stream', event()));

    const child = spawn(
      process.execPath,
      ['-r', '@swc-node/register', resolve(__dirname, 'fixtures/append-then-hang.ts')],
      {
        env: { ...process.env, DATABASE_URL: db.url },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await waitFor(() => output.includes('APPENDED'), {
      timeoutMs: 30_000,
      message: 'child never appended',
    });
    child.kill('SIGKILL');
    await once(child, 'exit');

    // The server notices the dead client and rolls back; the horizon then moves past it.
    await waitFor(async () => (await openTransactions(db.url)) === 0, {
      message: 'transaction still open',
    });
    expect((await store.readStream('doomed')).version).toBe(0);
    const after = await store.append(appendTo('doomed', 'no_stream', event('Committed')));
    expect(after.lastIndex).toBe(2);
    expect((await store.readLog(0, 10)).map((e) => e.type)).toEqual(['Happened', 'Committed']);
  }, 60_000);

  it('a backend terminated mid-transaction fails the append and writes nothing', async () => {
    fixture = await openStoreFixture();
    const { store, db } = fixture;
    const attempt = store.transaction(async (tx) => {
      await tx.append(appendTo('cut', 'no_stream', event()));
      const { rows } = await tx.client.query<{ pid: number }>('select pg_backend_pid() as pid');
      const admin = new Client({ connectionString: db.url });
      await admin.connect();
      await admin.query('select pg_terminate_backend($1)', [rows[0]!.pid]);
      await admin.end();
      await tx.client.query('select 1');
    });
    await expect(attempt).rejects.toThrow();
    expect((await store.readStream('cut')).version).toBe(0);
    expect(await store.headIndex()).toBe(0);
    expect((await store.append(appendTo('cut', 'no_stream', event()))).lastIndex).toBe(1);
  });

  it('indexes events whose appender died between commit and sequencing', async () => {
    fixture = await openStoreFixture();
    const { store } = fixture;
    // Commit through the SQL function alone, as a process that died right after COMMIT would.
    const orphan = event('Orphaned');
    await store.pool.query('select * from es_append_group($1::text[])', [
      [
        JSON.stringify([
          { streamId: 'o', category: 'test', partitionKey: 'o', expected: -2, events: [orphan] },
        ]),
      ],
    ]);
    expect(await store.readLog(0, 10)).toEqual([]);

    expect(await store.sequencePending()).toBe(1);
    expect((await store.readLog(0, 10)).map((e) => [e.id, e.logIndex])).toEqual([[orphan.id, 1]]);
  });

  it('a stream read stamps orphaned events itself', async () => {
    fixture = await openStoreFixture();
    const { store } = fixture;
    await store.pool.query('select * from es_append_group($1::text[])', [
      [
        JSON.stringify([
          { streamId: 'o', category: 'test', partitionKey: 'o', expected: -2, events: [event()] },
        ]),
      ],
    ]);
    const { events } = await store.readStream('o');
    expect(events.map((e) => e.logIndex)).toEqual([1]);
  });
});

async function openTransactions(url: string): Promise<number> {
  const client = new Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ n: string }>(
    `select count(*) as n from pg_stat_activity where datname = current_database() and state like 'idle in transaction%'`,
  );
  await client.end();
  return Number(rows[0]!.n);
}
