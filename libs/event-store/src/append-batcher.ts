import { randomUUID } from 'node:crypto';
import { DatabaseError, Pool, PoolClient } from 'pg';
import {
  AppendQueueFullError,
  StreamBusyError,
  StreamOrderConflictError,
} from './event-store.errors';
import { callCommitGroup } from './group-call';
import { commandText, Outcome, settle, streamKeys, Written } from './group-payload';
import { findCommit } from './outcome-recovery';
import { StreamAppend } from './event-store.types';

// In-process group commit. Appends that arrive while earlier ones are in flight queue up and go
// to PostgreSQL together: one statement, one transaction, one WAL flush for the whole group,
// each command still all-or-nothing on its own. With few writers a command goes alone at once,
// so grouping costs latency only when it also saves flushes.
//
// The rule that keeps callers told the truth: an error can fail a command only if the command
// did not commit. A failed round trip is settled by the group's commit token, which holds each
// command's outcome exactly when the group committed.

/** What a command learnt from its own round trip: its writes and the indexes already stamped. */
export interface Committed extends Written {
  /** log index per position, where the group's own sequencing pass stamped it */
  indexes: Map<number, number>;
}

interface Pending {
  appends: StreamAppend[];
  /** the command as es_append_streams reads it, made before it joins a group */
  text: string;
  keys: string[];
  /** groups this command was sent in; a transient failure sends it again, a few times */
  attempts: number;
  resolve: (committed: Committed) => void;
  reject: (error: unknown) => void;
}

/** Subtransactions past 64 per transaction overflow PostgreSQL's per-backend cache. */
const MAX_GROUP = 32;
const MAX_ATTEMPTS = 8;

export interface AppendBatcherOptions {
  /** transactions in flight at once */
  maxInFlight: number;
  /** commands waiting beyond this are refused at once (retries of sent ones may exceed it) */
  maxQueued: number;
  /** how long a failed round trip may spend finding out whether it committed */
  recoveryMs: number;
  /** receives every [position, log index] a group read back from es_log */
  onStamps: (stamps: [number, number][]) => void;
}

export class AppendBatcher {
  private readonly queue: Pending[] = [];
  private inFlight = 0;

  constructor(
    private readonly pool: Pool,
    private readonly options: AppendBatcherOptions,
  ) {}

  get queued(): number {
    return this.queue.length;
  }

  submit(appends: StreamAppend[]): Promise<Committed> {
    if (this.queue.length >= this.options.maxQueued)
      return Promise.reject(new AppendQueueFullError(this.options.maxQueued));
    let text: string;
    try {
      text = commandText(appends);
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ appends, text, keys: streamKeys(appends), attempts: 0, resolve, reject });
      this.pump();
    });
  }

  /** Writes one command on a caller's open transaction, without grouping or committing. */
  async writeOn(client: PoolClient, appends: StreamAppend[]): Promise<Written> {
    const { rows } = await client.query<Outcome & { ord: number }>(
      `select ord, error_code, detail, stream_versions, positions
       from es_append_group($1::text[]) order by ord`,
      [[commandText(appends)]],
    );
    return settle(rows[0]!, appends);
  }

  private pump(): void {
    while (this.inFlight < this.options.maxInFlight && this.queue.length > 0) {
      const group = this.queue.splice(0, MAX_GROUP);
      this.inFlight++;
      void this.flush(group).finally(() => {
        this.inFlight--;
        this.pump();
      });
    }
  }

  private async flush(group: Pending[]): Promise<void> {
    const token = randomUUID();
    for (const pending of group) pending.attempts++;
    let client: PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      // Nothing was sent: every command plainly failed (pool exhausted or PostgreSQL down).
      for (const pending of group) pending.reject(error);
      return;
    }
    try {
      const texts = group.map((p) => p.text);
      const result = await callCommitGroup(
        client,
        token,
        texts,
        group.flatMap((p) => p.keys),
      );
      this.options.onStamps(result.indexes);
      this.settleAll(group, result.outcomes, new Map(result.indexes));
    } catch (failure) {
      await this.settleFailedGroup(group, token, failure);
    }
  }

  private settleAll(group: Pending[], outcomes: Outcome[], stamped: Map<number, number>): void {
    group.forEach((pending, k) => {
      try {
        pending.resolve({ ...settle(outcomes[k]!, pending.appends), indexes: stamped });
      } catch (error) {
        this.retryOrReject(pending, error, error instanceof StreamOrderConflictError);
      }
    });
  }

  /** The token says whether the group committed, and then each command's own outcome. */
  private async settleFailedGroup(group: Pending[], token: string, failure: unknown) {
    let found;
    try {
      const pid = (failure as { backendPid?: number }).backendPid;
      found = await findCommit(
        this.pool,
        token,
        pid,
        Date.now() + this.options.recoveryMs,
        failure,
      );
    } catch (unknown) {
      for (const pending of group) pending.reject(unknown);
      return;
    }
    if (found.committed) return this.settleAll(group, found.outcomes ?? [], new Map());
    if (!isTransient(failure)) return group.forEach((pending) => pending.reject(failure));
    // Nothing committed, and the cause was the transaction's, not a command's data: which
    // command met the deadlock or the locked stream is unknown, so each goes again alone.
    if (group.length > 1) {
      await Promise.all(group.map((pending) => this.flush([pending])));
      return;
    }
    const [alone] = group as [Pending];
    if (isLockTimeout(failure)) return alone.reject(new StreamBusyError(failure));
    this.retryOrReject(alone, failure, true);
  }

  /** A failure that is not the command's own (lock order, deadlock) sends it again, first in line. */
  private retryOrReject(pending: Pending, error: unknown, transient: boolean): void {
    if (!transient || pending.attempts >= MAX_ATTEMPTS) return pending.reject(error);
    this.queue.unshift(pending);
    queueMicrotask(() => this.pump());
  }
}

/** Deadlock, serialization failure, lock timeout: nothing committed, the same command may pass. */
function isTransient(error: unknown): boolean {
  return error instanceof DatabaseError && ['40P01', '40001', '55P03'].includes(error.code ?? '');
}

function isLockTimeout(error: unknown): boolean {
  return error instanceof DatabaseError && error.code === '55P03';
}
