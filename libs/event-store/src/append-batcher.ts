import { randomUUID } from 'node:crypto';
import { DatabaseError, Pool, PoolClient } from 'pg';
import { AppendQueueFullError, StreamOrderConflictError } from './event-store.errors';
import { commandText, Outcome, settle, Written } from './group-payload';
import { recoverOutcomes } from './outcome-recovery';
import { StreamAppend } from './event-store.types';

// In-process group commit. Appends that arrive while earlier ones are in flight queue up and go
// to PostgreSQL together: one statement, one transaction, one WAL flush for the whole group,
// each command still all-or-nothing on its own. With few writers a command goes alone at once,
// so grouping costs latency only when it also saves flushes.
//
// The rule that keeps callers told the truth: an error can fail a command only if the command
// did not commit. Every failed round trip is settled by looking the group's event ids up.

/** What a command learnt from its own round trip: its writes and the indexes already stamped. */
export interface Committed extends Written {
  /** log index per position, where the group's own sequencing pass stamped it */
  indexes: Map<number, number>;
}

interface Pending {
  appends: StreamAppend[];
  /** the command as es_append_streams reads it, made before it joins a group */
  text: string;
  /** groups this command was sent in; a stream-order conflict sends it again, a few times */
  attempts: number;
  resolve: (committed: Committed) => void;
  reject: (error: unknown) => void;
}

interface GroupResult {
  outcomes: Outcome[];
  indexes: [number, number][];
  pass_error: string | null;
}

/** Subtransactions past 64 per transaction overflow PostgreSQL's per-backend cache. */
const MAX_GROUP = 32;
/** A command whose stream a newer transaction wrote goes again in a new transaction. */
const MAX_ORDER_ATTEMPTS = 8;

export interface AppendBatcherOptions {
  /** transactions in flight at once */
  maxInFlight: number;
  /** commands waiting beyond this are refused at once (AppendQueueFullError) */
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
      this.queue.push({ appends, text, attempts: 0, resolve, reject });
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
    let result: GroupResult;
    try {
      result = await this.commitGroup(client, token, group);
    } catch (failure) {
      await this.settleFailedGroup(group, token, failure);
      return;
    }
    this.options.onStamps(result.indexes);
    const stamped = new Map(result.indexes.map(([position, index]) => [position, index]));
    group.forEach((pending, k) => {
      try {
        const written = settle(result.outcomes[k]!, pending.appends);
        pending.resolve({ ...written, indexes: stamped });
      } catch (error) {
        this.rejectOrRequeue(pending, error);
      }
    });
  }

  /** A stream-order conflict is not the caller's: the command goes again, first in line. */
  private rejectOrRequeue(pending: Pending, error: unknown): void {
    if (!(error instanceof StreamOrderConflictError) || pending.attempts >= MAX_ORDER_ATTEMPTS)
      return pending.reject(error);
    this.queue.unshift(pending);
    queueMicrotask(() => this.pump());
  }

  /** Appends, COMMIT, a sequencing pass and the read-back, in one statement (es_commit_group). */
  private async commitGroup(
    client: PoolClient,
    token: string,
    group: Pending[],
  ): Promise<GroupResult> {
    // pg-pool listens for errors only on idle clients: a FATAL arriving while we hold this one
    // (a terminated backend) would otherwise be an uncaught 'error' event. The query reports it.
    const ignore = () => undefined;
    client.on('error', ignore);
    try {
      const { rows } = await client.query<{ result: GroupResult }>(
        'call es_commit_group($1::uuid, $2::text[])',
        [token, group.map((p) => p.text)],
      );
      client.off('error', ignore);
      client.release();
      return rows[0]!.result;
    } catch (error) {
      // Without a server answer the backend may still be running the group: recovery ends it.
      const backendPid = error instanceof DatabaseError ? undefined : pidOf(client);
      client.off('error', ignore);
      // A failed call may have cost the connection (a terminated backend): never pool it again.
      client.release(true);
      throw Object.assign(error as Error, { backendPid });
    }
  }

  /** Commands that committed succeed anyway; the rest fail, or go again alone on a deadlock. */
  private async settleFailedGroup(
    group: Pending[],
    token: string,
    failure: unknown,
  ): Promise<void> {
    let outcomes;
    try {
      outcomes = await recoverOutcomes(
        this.pool,
        token,
        group.map((p) => p.appends),
        (failure as { backendPid?: number }).backendPid,
        Date.now() + this.options.recoveryMs,
        failure,
      );
    } catch (unknown) {
      for (const pending of group) pending.reject(unknown);
      return;
    }
    const retry: Pending[] = [];
    group.forEach((pending, k) => {
      const outcome = outcomes[k]!;
      if (outcome.committed) pending.resolve({ ...outcome.written, indexes: new Map() });
      else if (group.length > 1 && isRetryableAlone(failure)) retry.push(pending);
      else pending.reject(failure);
    });
    // Two groups locking the same streams in opposite orders deadlock as wholes; alone, each
    // command locks in one order only.
    await Promise.all(retry.map((pending) => this.flush([pending])));
  }
}

function pidOf(client: PoolClient): number | undefined {
  return (client as unknown as { processID?: number }).processID ?? undefined;
}

function isRetryableAlone(error: unknown): boolean {
  return error instanceof DatabaseError && (error.code === '40P01' || error.code === '40001');
}
