import { Pool } from 'pg';
import { AppendBatcher } from './append-batcher';
import { HorizonHolder } from './event-store.errors';
import { findHorizonHolder } from './horizon';
import { IndexResolver } from './index-resolver';
import { createPool } from './pg-pool';
import { LogIndexListener, StoreWarnings, stderrWarnings } from './log-index-listener';
import { LogSequencer } from './log-sequencer';
import { runTransaction, type StoreTransaction } from './store-transaction';
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
  /** appends queued beyond this are refused at once with AppendQueueFullError */
  maxQueuedAppends?: number;
  /** how long a caller waits for a pooled connection before the append fails */
  acquireTimeoutMs?: number;
  /** names this process's sessions in pg_stat_activity (who holds the horizon, who waits) */
  applicationName?: string;
  warnings?: StoreWarnings;
}

const DEFAULT_APPEND_CONCURRENCY = 4;

export class PostgresEventStore {
  private constructor(
    readonly pool: Pool,
    private readonly listener: LogIndexListener,
    private readonly sequencer: LogSequencer,
    private readonly resolver: IndexResolver,
    private readonly batcher: AppendBatcher,
    private readonly indexTimeoutMs: number,
  ) {}

  static async open(
    databaseUrl: string,
    options: EventStoreOptions = {},
  ): Promise<PostgresEventStore> {
    const indexTimeoutMs = options.indexTimeoutMs ?? 30_000;
    const pool = createPool(databaseUrl, {
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: options.acquireTimeoutMs ?? 10_000,
      application_name: options.applicationName ?? 'caravan-event-store',
    });
    const listener = new LogIndexListener(databaseUrl, options.warnings ?? stderrWarnings);
    const sequencer = new LogSequencer(pool, listener);
    const resolver = new IndexResolver(pool, listener, sequencer, indexTimeoutMs);
    const batcher = new AppendBatcher(pool, {
      maxInFlight: options.appendConcurrency ?? DEFAULT_APPEND_CONCURRENCY,
      maxQueued: options.maxQueuedAppends ?? 10_000,
      recoveryMs: indexTimeoutMs,
      onStamps: (stamps) => resolver.learn(stamps),
    });
    const store = new PostgresEventStore(
      pool,
      listener,
      sequencer,
      resolver,
      batcher,
      indexTimeoutMs,
    );
    try {
      await store.migrate();
      await listener.start();
      store.startPruningCommitTokens();
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
   * Appends to one or several streams atomically, in one round trip, and resolves with the
   * events' log indexes as es_log holds them. A version conflict appends nothing. A command that
   * committed never rejects: after COMMIT the only outcome is "committed, index pending",
   * settled by reading es_log.
   */
  async append(appends: StreamAppend | StreamAppend[]): Promise<AppendResult> {
    const committed = await this.batcher.submit(Array.isArray(appends) ? appends : [appends]);
    const indexes = await this.resolver.indexesOf(committed.positions, committed.indexes);
    return { streamVersions: committed.versions, ...span(indexes) };
  }

  /**
   * Runs `work` and the appends it makes in one transaction, for writes that must commit with
   * events (the scheduler's capacity table). Indexes are awaited after the commit. An append
   * may throw StreamOrderConflictError: roll back and run the work again.
   */
  async transaction<T>(
    work: (tx: StoreTransaction) => Promise<T>,
  ): Promise<{ result: T; appended: AppendResult | null }> {
    const { result, written } = await runTransaction(
      this.pool,
      this.batcher,
      this.indexTimeoutMs,
      work,
    );
    if (written === null) return { result, appended: null };
    const indexes = await this.resolver.indexesOf(written.positions);
    return { result, appended: { streamVersions: written.versions, ...span(indexes) } };
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
      // Committed but not yet stamped (its appender is waiting behind the horizon, or died
      // before its pass): wait for the stamps as an appender would.
      const indexes = await this.resolver.indexesOf(unindexed);
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

  /** The oldest transaction holding back the log's horizon (for metrics and diagnostics). */
  async horizonHolder(): Promise<HorizonHolder | null> {
    return findHorizonHolder(this.pool);
  }

  /** Commands waiting for a group commit slot (backpressure). */
  get queuedAppends(): number {
    return this.batcher.queued;
  }

  onLogAdvanced(listener: (headIndex: number) => void): () => void {
    return this.listener.onHead(listener);
  }

  /**
   * Commit tokens matter only while a failed round trip is being settled (seconds): every store
   * deletes those older than five minutes, once a minute. Concurrent deletes are harmless.
   */
  private startPruningCommitTokens(): void {
    this.pruner = setInterval(() => {
      this.pool
        .query(`delete from es_commit_tokens where created_at < now() - interval '5 minutes'`)
        .catch(() => undefined);
    }, 60_000);
    this.pruner.unref();
  }

  private pruner: NodeJS.Timeout | undefined;

  async close(): Promise<void> {
    clearInterval(this.pruner);
    await this.listener.close();
    await this.pool.end().catch(() => undefined);
  }
}

function span(indexes: number[]): { firstIndex: number; lastIndex: number } {
  return { firstIndex: Math.min(...indexes), lastIndex: Math.max(...indexes) };
}
