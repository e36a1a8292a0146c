import { Client } from 'pg';
import { caravanTypes } from './pg-pool';

// One LISTEN connection per event store instance. A sequencing pass notifies channel es_log with
// the new head ({"h": head}); this turns that into a wake-up for whoever waits: appenders whose
// index is pending (they then read es_log themselves) and tailing readers. A notification is
// never the source of an answer: anyone may NOTIFY on this channel, so its head is not believed
// (a forged huge head must not mute every later wake-up), a malformed one is logged and
// ignored, and a lost one only delays. The known head moves only on what this process read.

export interface StoreWarnings {
  warn(detail: Record<string, unknown>, message: string): void;
}

export const stderrWarnings: StoreWarnings = {
  warn: (detail, message) => console.warn(`[event-store] ${message}`, detail),
};

export class LogIndexListener {
  private client: Client | null = null;
  private closed = false;
  private readonly headListeners = new Set<(head: number) => void>();
  private head = 0;

  constructor(
    private readonly connectionString: string,
    private readonly warnings: StoreWarnings = stderrWarnings,
  ) {}

  async start(): Promise<void> {
    await this.connect();
  }

  get knownHead(): number {
    return this.head;
  }

  /** Records a head this process read itself (a pass it ran) and wakes the listeners. */
  advance(head: number): void {
    if (!(head > this.head)) return;
    this.head = head;
    this.wake();
  }

  private wake(): void {
    for (const listener of this.headListeners) listener(this.head);
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
      keepAlive: true,
      application_name: 'caravan-log-listener',
    });
    client.on('notification', (message) => this.onNotification(message.payload));
    client.on('error', () => this.reconnectSoon(client));
    client.on('end', () => this.reconnectSoon(client));
    await client.connect();
    await client.query('LISTEN es_log');
    this.client = client;
    // Notifications sent while we were not listening are lost: wake everyone once to look.
    this.wake();
  }

  private reconnectSoon(failed: Client): void {
    if (this.closed || this.client !== failed) return;
    this.client = null;
    // Appenders poll es_log on their own schedule too, so a gap here only delays them.
    setTimeout(() => {
      if (!this.closed) this.connect().catch(() => this.reconnectSoon(failed));
    }, 200).unref();
  }

  private onNotification(payload: string | undefined): void {
    const head = parseHead(payload);
    if (head === null) {
      this.warnings.warn({ channel: 'es_log', payload }, 'ignored a malformed log notification');
      return;
    }
    this.wake();
  }
}

/** The head in a notification payload, or null when the payload is not `{"h": <integer>}`. */
export function parseHead(payload: string | undefined): number | null {
  if (payload === undefined) return null;
  try {
    const message: unknown = JSON.parse(payload);
    if (typeof message !== 'object' || message === null) return null;
    const head = (message as { h?: unknown }).h;
    return Number.isSafeInteger(head) && (head as number) >= 0 ? (head as number) : null;
  } catch {
    return null;
  }
}
