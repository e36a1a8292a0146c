import type { DataSource } from 'typeorm';
import type { PostgresConnectionOptions } from 'typeorm/driver/postgres/PostgresConnectionOptions';
import { sleep } from '@caravan/async';
import { LeaderElection, PostgresEventStore } from '@caravan/event-store';
import type { Projection } from '../projection/projection.types';
import { READ_MODELS } from '../read-models.registry';
import { AppliedIndex, PROJECTOR_NAME, readAppliedIndex } from './applied-index';
import { applyBatch, BeforeCommit } from './apply-batch';

// The projector: the one process (leader `projector`) that tails the event store's log and
// applies it to every read model, batch by batch. It reads the store's log in BOTH deployment
// modes, never Kafka, so all read models advance in one global order and the table indexes are
// log indexes. Correctness never rests on leadership: each batch compare-and-sets the
// checkpoint, so a deposed leader's late batch is refused, not applied twice.

export type LogSource = Pick<PostgresEventStore, 'readLog' | 'onLogAdvanced'>;

export interface ProjectorOptions {
  projections?: readonly Projection[];
  batchSize?: number;
  /** safety poll for a missed wake-up */
  pollIntervalMs?: number;
  /** wait after a failed batch before trying again */
  retryDelayMs?: number;
  /** where the leader lock lives; defaults to the DataSource's URL */
  databaseUrl?: string;
  onError?: (error: unknown) => void;
  onBatch?: (index: AppliedIndex) => void;
  beforeCommit?: BeforeCommit;
}

export class ProjectorRunner {
  private readonly projections: readonly Projection[];
  private election: LeaderElection | null = null;
  private wake: (() => void) | null = null;
  private woken = false;

  constructor(
    private readonly store: LogSource,
    private readonly dataSource: DataSource,
    private readonly options: ProjectorOptions = {},
  ) {
    this.projections = options.projections ?? READ_MODELS.map((m) => m.projection);
  }

  /** Campaigns for leadership and projects while leader, until stop(). */
  start(): void {
    const url =
      this.options.databaseUrl ?? (this.dataSource.options as PostgresConnectionOptions).url;
    if (!url) throw new Error('projector needs a database URL for its leader lock');
    this.election ??= new LeaderElection(url, PROJECTOR_NAME, { onError: this.options.onError });
    this.election.start((signal) => this.lead(signal));
  }

  async stop(): Promise<void> {
    const election = this.election;
    this.election = null;
    this.notify();
    await election?.stop();
  }

  get isLeader(): boolean {
    return this.election?.isLeader ?? false;
  }

  /** Applies everything the log holds now; returns the applied index. Safe beside a leader. */
  async catchUp(signal?: AbortSignal): Promise<number> {
    const batchSize = this.options.batchSize ?? 500;
    let after = (await readAppliedIndex(this.dataSource)).applied;
    while (!signal?.aborted) {
      const events = await this.store.readLog(after, batchSize);
      if (events.length === 0) break;
      const outcome = await applyBatch(
        this.dataSource,
        this.projections,
        PROJECTOR_NAME,
        after,
        events,
        this.options.beforeCommit,
      );
      if (outcome.kind === 'moved') {
        after = outcome.current;
        continue;
      }
      after = outcome.index.applied;
      this.options.onBatch?.(outcome.index);
    }
    return after;
  }

  private async lead(signal: AbortSignal): Promise<void> {
    const unsubscribe = this.store.onLogAdvanced(() => this.notify());
    const onAbort = (): void => this.notify();
    signal.addEventListener('abort', onAbort);
    try {
      while (!signal.aborted) {
        this.woken = false;
        let delay = this.options.pollIntervalMs ?? 1000;
        try {
          await this.catchUp(signal);
        } catch (error) {
          this.options.onError?.(error);
          delay = this.options.retryDelayMs ?? 1000;
          this.woken = false; // a failed batch waits out the delay, whatever woke us
        }
        if (!this.woken && !signal.aborted) {
          await sleep(delay, signal, (wake) => (this.wake = wake));
          this.wake = null;
        }
      }
    } finally {
      signal.removeEventListener('abort', onAbort);
      unsubscribe();
    }
  }

  private notify(): void {
    this.woken = true;
    this.wake?.();
  }
}
