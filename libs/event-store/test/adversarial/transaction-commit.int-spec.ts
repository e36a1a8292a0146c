import { ev, openArena, streamTruth, to, type Arena } from './adversarial.int-fixture';

// ATTACK (guarantee 8): transaction() sends COMMIT and treats "no error" as committed. On a
// transaction that is already aborted (an error inside `work` that `work` handled), PostgreSQL
// answers COMMIT with the command tag ROLLBACK and no error at all.

describe('adversarial: transaction() on an aborted transaction', () => {
  let arena: Arena;
  beforeEach(async () => {
    arena = await openArena();
    await arena.admin.query('create table capacity (node text primary key, used int not null)');
  });
  afterEach(async () => arena.close());

  it('resolves although COMMIT rolled the work back', async () => {
    const store = await arena.open();
    const outcome = await store
      .transaction(async (tx) => {
        await tx.client.query(`insert into capacity values ('n1', 1)`);
        // A best-effort statement whose failure the work tolerates.
        await tx.client.query(`insert into capacity values ('n1', 2)`).catch(() => undefined);
        return 'done';
      })
      .then(
        (v) => ({ resolved: v.result }),
        (e: unknown) => ({ rejected: String(e) }),
      );
    const { rows } = await arena.admin.query('select * from capacity');
    // Either it commits (the row is there) or it rejects. Observed: resolves, table empty.
    expect({ outcome, committedRows: rows.length }).not.toEqual({
      outcome: { resolved: 'done' },
      committedRows: 0,
    });
  });

  it('with an append: the caller is told the events committed and wait for an index, though none did', async () => {
    const store = await arena.open({ indexTimeoutMs: 1500 });
    const events = [ev()];
    const outcome = await store
      .transaction(async (tx) => {
        await tx.append(to('tx-stream', events));
        // A statement the work treats as optional; its failure aborts the transaction.
        await tx.client.query('select 1/0').catch(() => undefined);
      })
      .then(
        () => 'resolved',
        (e: unknown) => `${(e as { code?: string }).code}: ${String((e as Error).message)}`,
      );
    expect(await streamTruth(arena.admin, 'tx-stream')).toEqual({ version: 0, ids: [] });
    // Observed: INDEX_WAIT_TIMEOUT "committed events at positions 1 were not indexed in time"
    // after indexTimeoutMs, for events that were rolled back.
    expect(outcome).not.toMatch(/^INDEX_WAIT_TIMEOUT: committed events/);
    expect(outcome).toMatch(/^TRANSACTION_ROLLED_BACK/);
  });
});
