import { EVALUATION_DESCRIPTIONS } from '@caravan/domain/evaluations';
import { PostgresEventStore } from '@caravan/event-store';
import { createSubscriber, eventStorePorts, type Subscription } from '@caravan/messaging';
import { applyPlan, type PlanCommit } from '@caravan/scheduling';
import {
  replayScheduler,
  SCHEDULER_CATEGORIES,
  SchedulerWorker,
  type SchedulerWorkerOptions,
} from '@caravan/scheduler-worker';
import { createTestDatabase, uniqueName, waitFor, type TestDatabase } from '@caravan/testkit';
import {
  evaluations,
  liveAllocations,
  readAll,
  registerJob,
  registerNodes,
} from './worker.int-fixture';

// Delivery as Nomad's broker has it, through the embedded (store-tail) subscription: a worker
// that dies after planning gets the evaluation again and completes it once; one that dies after
// committing finds it decided; one that keeps failing marks it failed at the delivery limit,
// with a delayed failed-follow-up. Replay still gives the committed plans.

let db: TestDatabase;
let store: PostgresEventStore;

beforeAll(async () => {
  db = await createTestDatabase();
  store = await PostgresEventStore.open(db.url, { poolSize: 8 });
  await registerNodes(store, 4, { cpu: 4000, mem: 4096, disk: 10_000 });
}, 60_000);

afterAll(async () => {
  await store?.close();
  await db?.drop();
});

async function withWorker(
  options: SchedulerWorkerOptions,
  run: () => Promise<void>,
): Promise<void> {
  const worker = await SchedulerWorker.start(store, { nackDelaysMs: () => 20, ...options });
  const subscriber = createSubscriber({ mode: 'store-tail' }, eventStorePorts(store, db.url));
  const sub: Subscription = await subscriber.subscribe({
    name: uniqueName('scheduler'),
    categories: SCHEDULER_CATEGORIES,
    handler: worker.handle,
  });
  try {
    await run();
  } finally {
    await sub.stop();
    await worker.close();
  }
}

const statusOf = async (evalId: string) =>
  (await evaluations(store)).find((e) => e.id === evalId)?.status;

describe('scheduler worker delivery', () => {
  it('a worker dying after planning, or after committing, leaves the evaluation completed once', async () => {
    const crashed = new Set<string>();
    const apply = async (s: PostgresEventStore, plan: PlanCommit) => {
      const job = plan.evaluation.JobID;
      if (job === 'before' && !crashed.has(job)) {
        crashed.add(job);
        throw new Error('killed after planning, before the commit');
      }
      const result = await applyPlan(s, plan);
      if (job === 'after' && !crashed.has(job)) {
        crashed.add(job);
        throw new Error('killed after the commit, before the ack');
      }
      return result;
    };
    await withWorker({ apply }, async () => {
      const before = await registerJob(store, 'before', 3, 500);
      const after = await registerJob(store, 'after', 2, 500);
      await waitFor(
        async () =>
          (await statusOf(before)) === 'complete' && (await statusOf(after)) === 'complete',
        {
          timeoutMs: 30_000,
          message: 'both evaluations complete',
        },
      );
    });
    const events = await readAll(store);
    const outcomes = events.filter((e) => e.type === 'EvaluationCompleted');
    expect(
      outcomes.map((e) => (e.data as { DeliveryAttempt: number }).DeliveryAttempt).sort(),
    ).toEqual([1, 2]);
    const live = liveAllocations(events);
    expect(
      live
        .filter((a) => a.JobID === 'before')
        .map((a) => a.Name)
        .sort(),
    ).toEqual(['before.web[0]', 'before.web[1]', 'before.web[2]']);
    expect(live.filter((a) => a.JobID === 'after')).toHaveLength(2);
    expect(crashed.size).toBe(2);
  }, 60_000);

  it('a handler that keeps failing fails the evaluation at the delivery limit with a follow-up', async () => {
    const apply = async () => Promise.reject(new Error('PostgreSQL is down'));
    await withWorker({ apply }, async () => {
      const evalId = await registerJob(store, 'poison', 1, 100);
      await waitFor(async () => (await statusOf(evalId)) === 'failed', {
        timeoutMs: 30_000,
        message: 'evaluation failed at the delivery limit',
      });
      const events = await readAll(store);
      const failed = events.find(
        (e) => e.type === 'EvaluationFailed' && e.streamId === `evaluation-${evalId}`,
      )!;
      const data = failed.data as { StatusDescription: string; NextEval: string };
      expect(data.StatusDescription).toBe(EVALUATION_DESCRIPTIONS.deliveryLimit(3));
      const followUp = (await evaluations(store)).find((e) => e.id === data.NextEval)!;
      expect(followUp).toMatchObject({
        status: 'pending',
        triggeredBy: 'failed-follow-up',
        previousEval: evalId,
      });
      const waitMs = Number(followUp.wait) / 1e6;
      expect(waitMs).toBeGreaterThanOrEqual(60_000);
      expect(waitMs).toBeLessThan(360_000);
    });
  }, 60_000);

  it('replays every committed plan identically', async () => {
    const report = await replayScheduler(store);
    expect(report.differences).toEqual([]);
    expect(report.identical).toBe(2);
  });
});
