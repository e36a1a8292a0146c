import { Client } from 'pg';
import { createHash } from 'node:crypto';
import { caravanTypes } from './pg-pool';
import { sleep } from '@caravan/async';

// Leader duties (sequencer sweep, forwarder, projector, periodic launcher) run in one process at
// a time. The lease is a PostgreSQL session advisory lock on a dedicated connection: it is held
// exactly as long as that connection lives, so a killed process frees it at once. The duty gets
// an AbortSignal that fires when the lease may be lost, because from then on another process
// may already be leader, so a duty's writes must stay safe if two leaders briefly overlap
// (for example, the projector compare-and-sets its own checkpoint row, and a batch the
// forwarder resends is absorbed by idempotent consumers).
//
// A connection can fail silently (half-open socket, a frozen server): TCP keepalive, a server
// statement timeout and a client-side query timeout bound every lease query, and the watchdog
// runs one check at a time, so a hung check aborts the duty instead of queueing more checks.

const LOCK_CLASS = 0x43617261;

export interface LeaderElectionOptions {
  /** how often a follower retries the lock, and how often a leader checks its connection */
  retryMs?: number;
  onError?: (error: unknown) => void;
}

export class LeaderElection {
  private stopped = false;
  private leader = false;
  private loop: Promise<void> | null = null;
  private abort: AbortController | null = null;

  constructor(
    private readonly connectionString: string,
    readonly name: string,
    private readonly options: LeaderElectionOptions = {},
  ) {}

  get isLeader(): boolean {
    return this.leader;
  }

  /** Starts campaigning; `duty` runs whenever this process holds the lease. */
  start(duty: (signal: AbortSignal) => Promise<void>): void {
    this.loop ??= this.campaign(duty);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.abort?.abort();
    await this.loop;
  }

  private async campaign(duty: (signal: AbortSignal) => Promise<void>): Promise<void> {
    const retryMs = this.options.retryMs ?? 1000;
    while (!this.stopped) {
      try {
        await this.holdLeaseOnce(duty, retryMs);
      } catch (error) {
        this.options.onError?.(error);
      }
      if (!this.stopped) await sleep(retryMs);
    }
  }

  private async holdLeaseOnce(
    duty: (signal: AbortSignal) => Promise<void>,
    retryMs: number,
  ): Promise<void> {
    const client = new Client({
      connectionString: this.connectionString,
      types: caravanTypes,
      keepAlive: true,
      keepAliveInitialDelayMillis: 1000,
      statement_timeout: Math.max(1000, retryMs * 2),
      query_timeout: Math.max(1000, retryMs * 2),
      connectionTimeoutMillis: Math.max(1000, retryMs * 2),
      application_name: `caravan-leader:${this.name}`,
    });
    const abort = new AbortController();
    client.on('error', () => abort.abort());
    client.on('end', () => abort.abort());
    await client.connect();
    try {
      const { rows } = await client.query<{ ok: boolean }>(
        'select pg_try_advisory_lock($1, $2) as ok',
        [LOCK_CLASS, lockKey(this.name)],
      );
      if (!rows[0]?.ok) return;
      // stop() may have run while the lock was being taken; it found no duty to abort.
      if (this.stopped) return;
      this.leader = true;
      this.abort = abort;
      let checking = false;
      const watchdog = setInterval(() => {
        if (checking) return;
        checking = true;
        client
          .query('select 1')
          .catch(() => abort.abort())
          .finally(() => (checking = false));
      }, retryMs);
      try {
        await duty(abort.signal);
      } finally {
        clearInterval(watchdog);
        this.leader = false;
        this.abort = null;
      }
    } finally {
      await endQuietly(client);
    }
  }
}

/** `end()` on a connection the server already closed can wait forever; bound it. */
async function endQuietly(client: Client): Promise<void> {
  await Promise.race([client.end().catch(() => undefined), sleep(1000)]);
}

function lockKey(name: string): number {
  return createHash('sha256').update(name).digest().readInt32BE(0);
}
