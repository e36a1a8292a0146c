import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { resolve } from 'node:path';
import { PostgresEventStore } from '@caravan/event-store';
import { createSubscriber, eventStorePorts } from '@caravan/messaging';
import { SCHEDULER_CATEGORIES, SchedulerWorker } from '@caravan/scheduler-worker';
import { createTestDatabase, uniqueName, waitFor, type TestDatabase } from '@caravan/testkit';
import {
  evaluations,
  liveAllocations,
  readAll,
  registerJob,
  registerNodes,
} from './worker.int-fixture';

// A scheduler worker process SIGKILLed in the middle of an evaluation — after planning, or after
// its commit but before the delivery was acknowledged. A new worker on the same subscription
// gets the evaluation again and the job ends with its allocations placed exactly once.

let db: TestDatabase;
let store: PostgresEventStore;

beforeEach(async () => {
  db = await createTestDatabase();
  store = await PostgresEventStore.open(db.url, { poolSize: 8 });
  await registerNodes(store, 3, { cpu: 4000, mem: 4096, disk: 10_000 });
}, 60_000);

afterEach(async () => {
  await store?.close();
  await db?.drop();
});

describe.each(['planned', 'committed'] as const)('a worker killed once %s', (hangAt) => {
  it('is replaced, and the evaluation completes with its allocations placed once', async () => {
    const subscription = uniqueName('scheduler');
    const child = startChild(subscription, hangAt);
    const said = output(child);
    await waitFor(() => said().includes('READY'), { timeoutMs: 30_000, message: 'child ready' });
    const evalId = await registerJob(store, 'victim', 3, 500);
    const marker = hangAt === 'planned' ? 'PLANNED' : 'COMMITTED';
    await waitFor(() => said().includes(marker), { timeoutMs: 30_000, message: marker });
    child.kill('SIGKILL');
    await once(child, 'exit');

    const worker = await SchedulerWorker.start(store, { nackDelaysMs: () => 20 });
    const sub = await createSubscriber(
      { mode: 'store-tail' },
      eventStorePorts(store, db.url),
    ).subscribe({ name: subscription, categories: SCHEDULER_CATEGORIES, handler: worker.handle });
    try {
      await waitFor(
        async () => (await evaluations(store)).find((e) => e.id === evalId)?.status === 'complete',
        { timeoutMs: 30_000, message: 'evaluation completed after the kill' },
      );
    } finally {
      await sub.stop();
      await worker.close();
    }
    const events = await readAll(store);
    const completions = events.filter(
      (e) => e.type === 'EvaluationCompleted' && e.streamId === `evaluation-${evalId}`,
    );
    expect(completions).toHaveLength(1);
    const names = liveAllocations(events).map((a) => a.Name);
    expect(names.sort()).toEqual(['victim.web[0]', 'victim.web[1]', 'victim.web[2]']);
    expect(events.filter((e) => e.type === 'AllocationPlaced')).toHaveLength(3);
  }, 90_000);
});

function startChild(subscription: string, hangAt: string): ChildProcess {
  return spawn(
    process.execPath,
    ['-r', '@swc-node/register', resolve(__dirname, 'fixtures/worker-then-hang.ts')],
    {
      env: { ...process.env, DATABASE_URL: db.url, SUBSCRIPTION: subscription, HANG_AT: hangAt },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
}

function output(child: ChildProcess): () => string {
  let text = '';
  child.stdout!.on('data', (chunk: Buffer) => (text += chunk.toString()));
  return () => text;
}
