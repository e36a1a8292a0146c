import type { Logger } from '@caravan/observability';
import pg from 'pg';
import { Gauge, type Registry } from 'prom-client';
import { INDEX_CHANNEL, parseIndexNotification } from '@caravan/read-models';
import { IndexWaiters } from './index-waiters';
import { readIndexes } from './read-indexes';

export interface IndexHubOptions {
  logger?: Logger;
  metrics?: Registry;
  /** First reconnect delay; doubles up to maxReconnectDelayMs. */
  reconnectDelayMs?: number;
  maxReconnectDelayMs?: number;
}

/** pg_stat_activity.application_name of the LISTEN connection, to find it when operating. */
export const INDEX_HUB_APPLICATION_NAME = 'caravan-index-hub';

/**
 * One per process: a dedicated PostgreSQL connection LISTENing on `caravan_index`, the
 * latest indexes in memory, and the waiters of blocking queries and read-your-writes.
 * On every (re)connect it LISTENs first and then re-reads `rm_table_index` and the
 * projector checkpoint, so a notification sent while it was away is never lost.
 */
export class IndexHub {
  private readonly state = new IndexWaiters();
  private client: pg.Client | undefined;
  private closing = false;
  private reconnectTimer: NodeJS.Timeout | undefined;
  private delayMs: number;

  private constructor(
    private readonly databaseUrl: string,
    private readonly options: IndexHubOptions,
  ) {
    this.delayMs = options.reconnectDelayMs ?? 100;
    if (options.metrics !== undefined) this.registerMetrics(options.metrics);
  }

  /** Connects once (failing loudly at start-up); later losses reconnect in the background. */
  static async open(databaseUrl: string, options: IndexHubOptions = {}): Promise<IndexHub> {
    const hub = new IndexHub(databaseUrl, options);
    await hub.connect();
    return hub;
  }

  get connected(): boolean {
    return this.client !== undefined;
  }
  get appliedIndex(): number {
    return this.state.appliedIndex;
  }
  get waiting(): number {
    return this.state.waiting;
  }
  tableIndex(table: string): number {
    return this.state.tableIndex(table);
  }
  maxIndex(tables: readonly string[]): number {
    return this.state.maxIndex(tables);
  }

  waitForTable(
    table: string,
    minIndexExclusive: number,
    deadline: number,
    signal?: AbortSignal,
  ): Promise<number> {
    return this.state.waitForTables([table], minIndexExclusive, deadline, signal);
  }
  waitForTables(
    tables: readonly string[],
    minIndexExclusive: number,
    deadline: number,
    signal?: AbortSignal,
  ) {
    return this.state.waitForTables(tables, minIndexExclusive, deadline, signal);
  }
  /** Read-your-writes: true once the read models include `index`. */
  waitForApplied(index: number, timeoutMs: number): Promise<boolean> {
    return this.state.waitForApplied(index, timeoutMs);
  }

  async close(): Promise<void> {
    this.closing = true;
    clearTimeout(this.reconnectTimer);
    const client = this.client;
    this.client = undefined;
    this.state.releaseAll();
    await client?.end().catch(() => undefined);
  }

  private async connect(): Promise<void> {
    const client = new pg.Client({
      connectionString: this.databaseUrl,
      keepAlive: true,
      application_name: INDEX_HUB_APPLICATION_NAME,
    });
    client.on('notification', (msg) => {
      if (msg.channel === INDEX_CHANNEL) this.onPayload(msg.payload ?? '');
    });
    client.on('error', (err) => this.lost(client, err));
    client.on('end', () => this.lost(client, undefined));
    try {
      await client.connect();
      await client.query(`LISTEN ${INDEX_CHANNEL}`);
      this.state.advance(await readIndexes(client, this.options.logger));
    } catch (err) {
      client.removeAllListeners('end');
      await client.end().catch(() => undefined);
      throw err;
    }
    if (this.closing) {
      await client.end().catch(() => undefined);
      return;
    }
    this.client = client;
    this.delayMs = this.options.reconnectDelayMs ?? 100;
  }

  private onPayload(payload: string): void {
    const update = parseIndexNotification(payload);
    if (update === undefined) {
      this.options.logger?.warn({ payload }, 'ignoring malformed caravan_index notification');
      return;
    }
    this.state.advance(update);
  }

  private lost(client: pg.Client, err: Error | undefined): void {
    if (this.closing || this.client !== client) return;
    this.client = undefined;
    client.removeAllListeners('end');
    void client.end().catch(() => undefined);
    this.options.logger?.warn({ err }, 'index LISTEN connection lost; reconnecting');
    this.scheduleReconnect();
  }

  private scheduleReconnect(): void {
    const delay = this.delayMs;
    this.delayMs = Math.min(this.delayMs * 2, this.options.maxReconnectDelayMs ?? 5_000);
    this.reconnectTimer = setTimeout(() => {
      this.connect().then(
        () => this.options.logger?.info('index LISTEN connection restored'),
        (err: unknown) => {
          this.options.logger?.warn({ err }, 'index LISTEN reconnect failed');
          if (!this.closing) this.scheduleReconnect();
        },
      );
    }, delay);
    this.reconnectTimer.unref();
  }

  private registerMetrics(registry: Registry): void {
    const state = this.state;
    const gauges: [string, string, () => number][] = [
      [
        'caravan_index_waiters',
        'Blocking queries and read-your-writes waits parked on the index hub',
        () => state.waiting,
      ],
      [
        'caravan_index_applied',
        'Highest projector index this process has seen',
        () => state.appliedIndex,
      ],
    ];
    for (const [name, help, read] of gauges) {
      if (registry.getSingleMetric(name) !== undefined) continue; // one hub per process
      new Gauge({
        name,
        help,
        registers: [registry],
        collect() {
          this.set(read());
        },
      });
    }
  }
}
