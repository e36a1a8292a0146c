import { Pool, PoolClient } from 'pg';
import { AppendBatcher } from './append-batcher';
import { createPool } from './pg-pool';
import { LogIndexListener } from './log-index-listener';
import { LogSequencer } from './log-sequencer';
import { EVENT_STORE_SCHEMA, MIGRATION_LOCK_KEY } from './schema/event-store.schema';
import { AppendResult, ReadStreamResult, RecordedEvent, StreamAppend } from './event-store.types';
import { EVENT_COLUMNS, toRecordedEvent } from './recorded-event.mapper';

export interface EventStoreOptions {
  poolSize?: number;
  /** how long an append waits for its log index before failing (the events stay committed) */
  indexTimeoutMs?: number;
  /**
   * Append transactions in flight at once. Fewer means larger groups per WAL flush: appends
   * arriving meanwhile wait and go together. Measured with `npm run bench -- event-store`.
   */
  appendConcurrency?: number;
}

const DEFAULT_APPEND_CONCURRENCY = 4;

export class PostgresEventStore {
  private constructor(
    readonly pool: Pool,
    private readonly listener: LogIndexListener,
    private readonly sequencer: LogSequencer,
    private readonly batcher: AppendBatcher,
  ) {}

  static async open(
    databaseUrl: string,
    options: EventStoreOptions = {},
  ): Promise<PostgresEventStore> {
    const poolSize = options.poolSize ?? 10;
    const pool = createPool(databaseUrl, { max: poolSize });
    const listener = new LogIndexListener(databaseUrl);
    const sequencer = new LogSequencer(pool, listener, options.indexTimeoutMs ?? 30_000);
    const batcher = new AppendBatcher(
      pool,
      options.appendConcurrency ?? DEFAULT_APPEND_CONCURRENCY,
      (pass) => sequencer.learn(pass),
    );
    const store = new PostgresEventStore(pool, listener, sequencer, batcher);
    try {
      await store.migrate();
      await listener.start();
    } catch (error) {
      await store.close();
      throw error;
    }
    return store;
  }

  async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      await client.query(EVENT_STORE_SCHEMA);
    } finally {
      await client
        .query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY])
        .catch(() => undefined);
      client.release();
    }
  }

  /**
   * Appends to one or several streams atomically, in one round trip, then waits until the events
   * carry log indexes. A version conflict appends nothing.
   */
  async append(appends: StreamAppend | StreamAppend[]): Promise<AppendResult> {
    const written = await this.batcher.submit(Array.isArray(appends) ? appends : [appends]);
    const indexes = await this.sequencer.indexesOf(written.positions);
    return { streamVersions: written.versions, ...span(indexes) };
  }

  /**
   * Runs `work` and the appends it makes in one transaction, for writes that must commit with
   * events (the scheduler's capacity table). Indexes are awaited after the commit.
   */
  async transaction<T>(
    work: (tx: {
      client: PoolClient;
      append: (a: StreamAppend | StreamAppend[]) => Promise<void>;
    }) => Promise<T>,
  ): Promise<{ result: T; appended: AppendResult | null }> {
    const client = await this.pool.connect();
    const positions: number[] = [];
    let versions: number[] = [];
    let result: T;
    let failed = false;
    // A checked-out client whose backend dies emits 'error'; the failing query reports it.
    const onError = () => (failed = true);
    client.on('error', onError);
    try {
      await client.query('begin');
      result = await work({
        client,
        append: async (appends) => {
          const written = await this.batcher.writeOn(
            client,
            Array.isArray(appends) ? appends : [appends],
          );
          positions.push(...written.positions);
          versions = versions.concat(written.versions);
        },
      });
      await client.query('commit');
    } catch (error) {
      failed = true;
      await client.query('rollback').catch(() => undefined);
      throw error;
    } finally {
      // A client whose transaction failed may have lost its connection: do not pool it again.
      client.off('error', onError);
      client.release(failed);
    }
    if (positions.length === 0) return { result, appended: null };
    const indexes = await this.sequencer.indexesOf(positions);
    return { result, appended: { streamVersions: versions, ...span(indexes) } };
  }

  async readStream(streamId: string): Promise<ReadStreamResult> {
    const { rows } = await this.pool.query<Record<string, unknown>>(
      `select ${EVENT_COLUMNS} from es_events e left join es_log l using (global_position)
       where e.stream_id = $1 order by e.stream_position`,
      [streamId],
    );
    const unindexed = rows
      .filter((row) => row.log_index === null)
      .map((row) => row.global_position as number);
    if (unindexed.length > 0) {
      // Committed by an appender that died before its sequencing pass: stamp them now.
      const indexes = await this.sequencer.indexesOf(unindexed);
      unindexed.forEach((position, k) => {
        const row = rows.find((r) => r.global_position === position);
        if (row) row.log_index = indexes[k];
      });
    }
    const events = rows.map(toRecordedEvent);
    return { version: events.length === 0 ? 0 : events[events.length - 1]!.streamPosition, events };
  }

  /** Committed events with a log index above `afterIndex`, in log order, gapless. */
  async readLog(afterIndex: number, limit: number): Promise<RecordedEvent[]> {
    const { rows } = await this.pool.query<Record<string, unknown>>(
      `select ${EVENT_COLUMNS} from es_log l join es_events e using (global_position)
       where l.log_index > $1 order by l.log_index limit $2`,
      [afterIndex, limit],
    );
    return rows.map(toRecordedEvent);
  }

  async headIndex(): Promise<number> {
    const { rows } = await this.pool.query<{ last_index: number }>(
      'select last_index from es_sequencer where id = 1',
    );
    return rows[0]?.last_index ?? 0;
  }

  /** Stamps whatever committed events are waiting; for leaders that sweep after crashed appenders. */
  async sequencePending(): Promise<number> {
    return this.sequencer.pass();
  }

  onLogAdvanced(listener: (headIndex: number) => void): () => void {
    return this.listener.onHead(listener);
  }

  async close(): Promise<void> {
    await this.listener.close();
    await this.pool.end().catch(() => undefined);
  }
}

function span(indexes: number[]): { firstIndex: number; lastIndex: number } {
  return { firstIndex: Math.min(...indexes), lastIndex: Math.max(...indexes) };
}
