import { randomUUID } from 'node:crypto';
import { DatabaseError, Pool, PoolClient } from 'pg';
import { AppendBatcher } from './append-batcher';
import { TransactionRolledBackError } from './event-store.errors';
import { findCommit } from './outcome-recovery';
import { StreamAppend } from './event-store.types';
import { Written } from './group-payload';

// A caller's own transaction with appends in it (the scheduler's plan commit writes its capacity
// table with the plan's events). The same truth rules as group commit: a COMMIT whose answer is
// lost is settled by the commit token, and a COMMIT that PostgreSQL turned into a ROLLBACK (the
// work swallowed an error, leaving the transaction aborted) is reported, never taken as success.

export interface StoreTransaction {
  client: PoolClient;
  /** Appends on this transaction. Do not call the store's readStream inside: it would wait for this transaction to end. */
  append: (a: StreamAppend | StreamAppend[]) => Promise<void>;
}

export interface TransactionOutcome<T> {
  result: T;
  written: Written | null;
}

export async function runTransaction<T>(
  pool: Pool,
  batcher: AppendBatcher,
  recoveryMs: number,
  work: (tx: StoreTransaction) => Promise<T>,
): Promise<TransactionOutcome<T>> {
  const client = await pool.connect();
  const appended: StreamAppend[][] = [];
  const written: Written = { versions: [], positions: [] };
  // A checked-out client whose backend dies emits 'error'; the failing query reports it.
  const ignore = () => undefined;
  client.on('error', ignore);
  const pid = (client as unknown as { processID?: number }).processID;
  let healthy = false;
  try {
    await client.query('begin');
    const result = await work({
      client,
      append: async (appends) => {
        const list = Array.isArray(appends) ? appends : [appends];
        const one = await batcher.writeOn(client, list);
        appended.push(list);
        written.positions.push(...one.positions);
        written.versions.push(...one.versions);
      },
    }).catch(async (error: unknown) => {
      await client.query('rollback').catch(() => undefined);
      throw error;
    });
    if (appended.length === 0) {
      await commitOrThrow(client, 'commit');
      healthy = true;
      return { result, written: null };
    }
    const token = randomUUID();
    try {
      // The token is a UUID we made: safe to inline, and one round trip with the COMMIT.
      await commitOrThrow(
        client,
        `insert into es_commit_tokens (token) values ('${token}'); commit`,
      );
      healthy = true;
    } catch (error) {
      if (error instanceof TransactionRolledBackError) throw error;
      // 25P02: the insert met a transaction that an earlier error had already aborted.
      if (error instanceof DatabaseError && error.code === '25P02')
        throw new TransactionRolledBackError();
      const backend = error instanceof DatabaseError ? undefined : pid;
      const found = await findCommit(pool, token, backend, Date.now() + recoveryMs, error);
      if (!found.committed) throw error;
    }
    return { result, written };
  } finally {
    client.off('error', ignore);
    // A client whose transaction failed may have lost its connection: do not pool it again.
    client.release(!healthy);
  }
}

async function commitOrThrow(client: PoolClient, sql: string): Promise<void> {
  const results = (await client.query(sql)) as unknown as
    { command: string } | { command: string }[];
  const last = Array.isArray(results) ? results[results.length - 1] : results;
  if (last?.command !== 'COMMIT') throw new TransactionRolledBackError();
}
