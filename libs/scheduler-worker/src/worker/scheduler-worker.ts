import { randomUUID } from 'node:crypto';
import { sleep } from '@caravan/async';
import type { FollowUpEvaluation } from '@caravan/domain/evaluations';
import type { PostgresEventStore, RecordedEvent } from '@caravan/event-store';
import {
  SchedulingState,
  SchedulingStateFollower,
  type PlanCommit,
  type PlanResult,
} from '@caravan/scheduling';
import { dueAtMs, isDelayed } from '../adapt/evaluation.adapter';
import { SchedulerSnapshotAdapter } from '../adapt/scheduler-snapshot.adapter';
import { applyPlanRetryingOrder } from './apply-plan.port';
import { DeliveryCounter, migrateSchedulerWorker } from './deliveries';
import { deliveryLimitCommit, EVAL_DELIVERY_LIMIT } from './delivery-limit';
import { EvaluationProcessor, type ProcessOutcome } from './evaluation-processor';
import { JobLocks } from './job-locks';
import { Unblocker } from './unblocker';

// The scheduler worker: a subscription handler over the `evaluation`, `node` and `allocation`
// categories (a Kafka consumer group keyed by job, or the store tail), with its state kept by
// following the log. Evaluations go to the processor with Nomad's delivery rules; capacity
// events go to the unblocker; delayed evaluations wait for the delay duty (one leader).

/** What the worker subscribes to (the consumer group's categories). */
export const SCHEDULER_CATEGORIES = ['evaluation', 'node', 'allocation'] as const;

export interface SchedulerWorkerOptions {
  /** Nomad's nack re-enqueue delays: 1 s after the first delivery, then 20 s per delivery */
  nackDelaysMs?: (attempt: number) => number;
  deliveryLimit?: number;
  waitTimeoutMs?: number;
  now?: () => number;
  /** the plan applier; tests wrap it to fail after planning */
  apply?: (store: PostgresEventStore, plan: PlanCommit) => Promise<PlanResult>;
  onError?: (error: unknown) => void;
  /** told what each delivery came to (tests, metrics) */
  onProcessed?: (evalId: string, outcome: ProcessOutcome | 'delivery-limit') => void;
  delayTickMs?: number;
}

const nomadNackDelay = (attempt: number) => (attempt <= 1 ? 1_000 : (attempt - 1) * 20_000);

export class SchedulerWorker {
  private readonly adapter = new SchedulerSnapshotAdapter();
  private readonly locks = new JobLocks();
  private readonly processor: EvaluationProcessor;
  private readonly unblocker: Unblocker;
  private readonly deliveries: DeliveryCounter;
  private readonly now: () => number;

  private constructor(
    private readonly store: PostgresEventStore,
    readonly follower: SchedulingStateFollower,
    private readonly options: SchedulerWorkerOptions,
  ) {
    this.now = options.now ?? Date.now;
    const apply = options.apply ?? applyPlanRetryingOrder;
    const ports = {
      waitForIndex: (i: number, t: number) => follower.waitForIndex(i, t),
      snapshot: () => follower.state.snapshot(),
      headIndex: () => store.headIndex(),
      now: this.now,
    };
    this.processor = new EvaluationProcessor(
      { ...ports, apply: (plan) => apply(store, plan), newId: randomUUID },
      this.adapter,
      options.waitTimeoutMs,
    );
    this.unblocker = new Unblocker(
      { ...ports, append: (a) => store.append(a) },
      this.adapter,
      options.waitTimeoutMs,
    );
    this.deliveries = new DeliveryCounter(store.pool);
  }

  /** Migrates the capacity and delivery tables, then folds the log into memory. */
  static async start(
    store: PostgresEventStore,
    options: SchedulerWorkerOptions = {},
  ): Promise<SchedulerWorker> {
    await migrateSchedulerWorker(store.pool);
    const follower = new SchedulingStateFollower(store, new SchedulingState(), {
      onError: options.onError,
      pollIntervalMs: 1_000,
    });
    await follower.start();
    return new SchedulerWorker(store, follower, options);
  }

  /** The subscription handler: resolves once the event's effects are durable. */
  readonly handle = async (event: RecordedEvent): Promise<void> => {
    if (event.category !== 'evaluation') return this.unblocker.onCapacityEvent(event);
    switch (event.type) {
      case 'EvaluationCreated':
        return this.deliver((event.data as { evaluation: { ID: string } }).evaluation.ID, event);
      case 'EvaluationFollowUpCreated': {
        const ev = (event.data as { evaluation: FollowUpEvaluation }).evaluation;
        if (ev.Status === 'blocked') return this.unblocker.onBlocked(ev.ID, event);
        // delayed ones belong to the delay duty, which delivers them when due
        if (ev.WaitUntil !== null || Number(ev.Wait) > 0) return;
        return this.deliver(ev.ID, event);
      }
      case 'EvaluationUnblocked':
        return this.deliver((event.data as { ID: string }).ID, event);
      case 'EvaluationBlocked':
        return this.unblocker.onBlocked((event.data as { ID: string }).ID, event);
      default:
        return;
    }
  };

  /**
   * Nomad's delay heap, as a leader duty (run it under a lease): delivers pending evaluations
   * whose WaitUntil or Wait has passed. Level-triggered from the state, so a new leader finds
   * every delayed evaluation the log holds.
   */
  async runDelayDuty(signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      const snap = this.follower.state.snapshot();
      const due = snap
        .openEvaluations()
        .filter((ev) => ev.status === 'pending' && isDelayed(ev) && dueAtMs(ev) <= this.now())
        .map((ev) => ({ id: ev.id, logIndex: ev.modifyIndex }));
      for (const ev of due) {
        if (signal.aborted) break;
        await this.deliver(ev.id, ev).catch((error: unknown) => this.options.onError?.(error));
      }
      await sleep(this.options.delayTickMs ?? 1_000, signal);
    }
  }

  async close(): Promise<void> {
    await this.follower.close();
  }

  private async deliver(evalId: string, trigger: { logIndex: number }): Promise<void> {
    await this.follower.waitForIndex(trigger.logIndex, this.options.waitTimeoutMs ?? 5_000);
    const ev = this.follower.state.snapshot().evaluation(evalId);
    // decided already (a repeated delivery): nothing to count or do
    if (ev === undefined || (ev.status !== 'pending' && ev.status !== 'blocked')) return;
    const limit = this.options.deliveryLimit ?? EVAL_DELIVERY_LIMIT;
    const delay = this.options.nackDelaysMs ?? nomadNackDelay;
    await this.locks.run(`${ev.namespace}/${ev.jobId}`, async () => {
      for (;;) {
        const attempt = await this.deliveries.begin(evalId, trigger.logIndex);
        if (attempt > limit) return this.failDelivery(evalId, trigger.logIndex, limit);
        try {
          const outcome = await this.processor.process(evalId, trigger.logIndex, attempt);
          this.options.onProcessed?.(evalId, outcome);
          return;
        } catch (error) {
          this.options.onError?.(error);
          if (attempt >= limit) return this.failDelivery(evalId, trigger.logIndex, limit);
          await sleep(delay(attempt));
        }
      }
    });
  }

  private async failDelivery(evalId: string, minIndex: number, limit: number): Promise<void> {
    await this.follower.waitForIndex(minIndex, this.options.waitTimeoutMs ?? 5_000);
    const snap = this.follower.state.snapshot();
    const ev = snap.evaluation(evalId);
    if (ev === undefined || (ev.status !== 'pending' && ev.status !== 'blocked')) return;
    const plan = deliveryLimitCommit(snap, ev, limit, {
      followUp: randomUUID(),
      nowMs: this.now(),
      limit,
    });
    const result = await applyPlanRetryingOrder(this.store, plan);
    // Refused: the evaluation moved (decided meanwhile); throwing redelivers and re-checks.
    if (!result.committed)
      throw new Error(`delivery-limit outcome refused: ${result.refusal.kind}`);
    this.options.onProcessed?.(evalId, 'delivery-limit');
  }
}
