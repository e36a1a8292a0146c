import { Client } from 'pg';
import { caravanTypes } from './pg-pool';

// One LISTEN connection per event store instance. It hears every sequencing pass (channel es_log),
// resolves appenders waiting for the index of their events, and tells tailing readers that the
// log moved. Recent passes are remembered so that an appender registering just after the
// notification arrived still finds its index without a query.

interface Run {
  firstIndex: number;
  firstPosition: number;
  count: number;
}

type Waiter = (index: number) => void;

const RECENT_PASSES = 256;

export class LogIndexListener {
  private client: Client | null = null;
  private closed = false;
  private readonly waiters = new Map<number, Waiter>();
  private readonly recent: Run[][] = [];
  private readonly headListeners = new Set<(head: number) => void>();
  private head = 0;

  constructor(private readonly connectionString: string) {}

  async start(): Promise<void> {
    await this.connect();
  }

  get knownHead(): number {
    return this.head;
  }

  /** Resolves the waiter at once when the position's index was seen in a recent pass. */
  waitFor(position: number, onIndexed: Waiter): void {
    const known = this.lookupRecent(position);
    if (known !== undefined) onIndexed(known);
    else this.waiters.set(position, onIndexed);
  }

  cancel(position: number): void {
    this.waiters.delete(position);
  }

  /** Records stamps learnt another way (a pass this process ran, or a direct query). */
  learn(runs: Run[], head: number): void {
    this.remember(runs);
    this.advance(head);
    for (const run of runs) {
      for (let k = 0; k < run.count; k++) {
        const waiter = this.waiters.get(run.firstPosition + k);
        if (waiter) {
          this.waiters.delete(run.firstPosition + k);
          waiter(run.firstIndex + k);
        }
      }
    }
  }

  onHead(listener: (head: number) => void): () => void {
    this.headListeners.add(listener);
    return () => this.headListeners.delete(listener);
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = null;
    if (client)
      await Promise.race([
        client.end().catch(() => undefined),
        new Promise((r) => setTimeout(r, 1000)),
      ]);
  }

  private async connect(): Promise<void> {
    const client = new Client({
      connectionString: this.connectionString,
      types: caravanTypes,
    });
    client.on('notification', (message) => this.onNotification(message.payload));
    client.on('error', () => this.reconnectSoon(client));
    client.on('end', () => this.reconnectSoon(client));
    await client.connect();
    await client.query('LISTEN es_log');
    this.client = client;
  }

  private reconnectSoon(failed: Client): void {
    if (this.closed || this.client !== failed) return;
    this.client = null;
    // Appenders keep their own fallback (they query es_log), so a gap here only delays them.
    setTimeout(() => {
      if (!this.closed) this.connect().catch(() => this.reconnectSoon(failed));
    }, 200).unref();
  }

  private onNotification(payload: string | undefined): void {
    if (!payload) return;
    const message = JSON.parse(payload) as { h: number; r?: [number, number, number][] };
    const runs = (message.r ?? []).map(([firstIndex, firstPosition, count]) => ({
      firstIndex,
      firstPosition,
      count,
    }));
    this.learn(runs, message.h);
  }

  private remember(runs: Run[]): void {
    if (runs.length === 0) return;
    this.recent.push(runs);
    if (this.recent.length > RECENT_PASSES) this.recent.shift();
  }

  private lookupRecent(position: number): number | undefined {
    for (let p = this.recent.length - 1; p >= 0; p--) {
      for (const run of this.recent[p] ?? []) {
        const offset = position - run.firstPosition;
        if (offset >= 0 && offset < run.count) return run.firstIndex + offset;
      }
    }
    return undefined;
  }

  private advance(head: number): void {
    if (head <= this.head) return;
    this.head = head;
    for (const listener of this.headListeners) listener(head);
  }
}
