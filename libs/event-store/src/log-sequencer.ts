import { Pool } from 'pg';
import { LogIndexListener } from './log-index-listener';

// Runs sequencing passes (es_sequence) outside an append's own round trip: for a reader that
// found committed but unstamped events, for a waiter that heard nothing, for a leader sweeping
// after crashed appenders. Requests coalesce: a process runs one pass at a time, and requests
// made meanwhile share the next one. A pass that finds another process's pass running returns
// at once; that pass's notification wakes the waiters.

const BATCH = 1000;

export class LogSequencer {
  private running: Promise<number> | null = null;
  private queued: Promise<number> | null = null;

  constructor(
    private readonly pool: Pool,
    private readonly listener: LogIndexListener,
  ) {}

  /** A pass that starts after this call; shared with every other request made meanwhile. */
  requestPass(): Promise<number> {
    if (!this.running) {
      this.running = this.pass().finally(() => (this.running = null));
      return this.running;
    }
    this.queued ??= this.running
      .catch(() => 0)
      .then(() => {
        this.queued = null;
        return this.requestPass();
      });
    return this.queued;
  }

  /** Runs one pass; returns how many events it stamped (0 when busy or nothing waits). */
  async pass(): Promise<number> {
    const { rows } = await this.pool.query<{ head: number; stamped: number }>(
      'select head, stamped from es_sequence($1)',
      [BATCH],
    );
    const row = rows[0];
    if (!row) return 0;
    this.listener.advance(row.head);
    return row.stamped;
  }
}
