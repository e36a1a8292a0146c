import { Pool } from 'pg';
import { LogIndexListener } from './log-index-listener';
import { IndexWaitTimeoutError } from './event-store.errors';
import { sleep } from '@caravan/async';

// Turns committed events into log indexes. Every appender asks for a sequencing pass right after
// its commit. Requests coalesce: a process runs one pass at a time, and requests made meanwhile
// share the next one, so under load one pass stamps many appenders' events. A pass that finds
// another process's pass running returns at once; that pass's notification (or a later retry)
// delivers the index.

const BATCH = 1000;
const RETRY_DELAYS_MS = [2, 5, 10, 20, 40, 50];

export class LogSequencer {
  constructor(
    private readonly pool: Pool,
    private readonly listener: LogIndexListener,
    private readonly timeoutMs: number,
  ) {}

  private running: Promise<number> | null = null;
  private queued: Promise<number> | null = null;

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
    const { rows } = await this.pool.query<{ head: number; runs: [number, number, number][] }>(
      'select head, runs from es_sequence($1)',
      [BATCH],
    );
    const row = rows[0];
    return row ? this.learn(row) : 0;
  }

  /** Records a pass's stamps (run here or by the append batcher); returns how many it stamped. */
  learn(pass: { head: number; runs: [number, number, number][] }): number {
    const runs = pass.runs.map(([firstIndex, firstPosition, count]) => ({
      firstIndex,
      firstPosition,
      count,
    }));
    this.listener.learn(runs, pass.head);
    return runs.reduce((sum, run) => sum + run.count, 0);
  }

  async indexesOf(positions: number[]): Promise<number[]> {
    const indexes = new Map<number, number>();
    const done = new Promise<void>((resolve) => {
      for (const position of positions) {
        this.listener.waitFor(position, (index) => {
          indexes.set(position, index);
          if (indexes.size === positions.length) resolve();
        });
      }
    });
    try {
      if (indexes.size < positions.length) await this.requestPass();
      if (indexes.size < positions.length) await this.retryUntil(done, positions, indexes);
      return positions.map((position) => indexes.get(position)!);
    } finally {
      for (const position of positions) this.listener.cancel(position);
    }
  }

  private async retryUntil(
    done: Promise<void>,
    positions: number[],
    indexes: Map<number, number>,
  ): Promise<void> {
    const deadline = Date.now() + this.timeoutMs;
    for (let attempt = 0; indexes.size < positions.length; attempt++) {
      if (Date.now() > deadline)
        throw new IndexWaitTimeoutError(positions.filter((p) => !indexes.has(p)));
      const delay = RETRY_DELAYS_MS[Math.min(attempt, RETRY_DELAYS_MS.length - 1)]!;
      const finished = await Promise.race([done.then(() => true), sleep(delay).then(() => false)]);
      if (finished) return;
      // Nothing heard: the busy pass may have started before we committed, or an older
      // transaction still holds the horizon. Try a pass ourselves, then ask the table.
      await this.requestPass();
      if (indexes.size < positions.length)
        await this.lookup(positions.filter((p) => !indexes.has(p)));
    }
  }

  private async lookup(positions: number[]): Promise<void> {
    const { rows } = await this.pool.query<{ log_index: number; global_position: number }>(
      'select log_index, global_position from es_log where global_position = any($1::bigint[])',
      [positions],
    );
    const runs = rows.map((row) => ({
      firstIndex: row.log_index,
      firstPosition: row.global_position,
      count: 1,
    }));
    const head = Math.max(0, ...rows.map((row) => row.log_index));
    this.listener.learn(runs, head);
  }
}
