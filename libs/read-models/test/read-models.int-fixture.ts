import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { PostgresEventStore, StreamAppend } from '@caravan/event-store';
import { createTestDatabase, TestDatabase } from '@caravan/testkit';
import {
  aJob,
  jobDecider,
  planJobAppends,
  type JobCommand,
  type JobState,
} from '@caravan/domain/jobs';
import {
  createReadModelDataSource,
  ensureReadModelSchema,
  READ_MODELS,
  ReadModel,
  readModelTables,
} from '@caravan/read-models';

export interface ReadModelTestEnv {
  db: TestDatabase;
  store: PostgresEventStore;
  dataSource: DataSource;
  close(): Promise<void>;
}

export async function openTestEnv(
  readModels: readonly ReadModel[] = READ_MODELS,
): Promise<ReadModelTestEnv> {
  const db = await createTestDatabase();
  const store = await PostgresEventStore.open(db.url, { poolSize: 4 });
  const dataSource = createReadModelDataSource(db.url, { readModels, poolSize: 4 });
  await dataSource.initialize();
  await ensureReadModelSchema(dataSource, readModels);
  return {
    db,
    store,
    dataSource,
    close: async () => {
      if (dataSource.isInitialized) await dataSource.destroy();
      await store.close();
      await db.drop();
    },
  };
}

/** Every row of every read-model table as exact JSON text, in a stable order. */
export async function dumpTables(
  dataSource: DataSource,
  readModels: readonly ReadModel[] = READ_MODELS,
): Promise<Record<string, string[]>> {
  const dump: Record<string, string[]> = {};
  for (const table of readModelTables(readModels)) {
    const rows = await dataSource.query<{ row: string }[]>(
      `select to_jsonb(t)::text as row from "${table}" t order by 1`,
    );
    dump[table] = rows.map((r) => r.row);
  }
  return dump;
}

/** A SubmitTime beyond 2^53, so a lossy step anywhere shows up as a different value. */
export const BIG_SUBMIT_TIME = 1_732_608_000_123_456_789n;

// A deterministic mix over a handful of streams, exactly `count` events: job commands run
// through the real job decider (registrations, new versions, stops, purges, re-registrations,
// stability, reverts, evaluations; each decision is one atomic append of the job's events and
// its evaluation), and node registrations and status flaps.
export function workload(count: number): StreamAppend[][] {
  const appends: StreamAppend[][] = [];
  let seed = 42;
  // mulberry32: a small seeded generator whose low bits are usable, unlike a plain LCG's
  const next = (n: number): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * n);
  };
  const jobs = new Map<string, { state: JobState; version: number }>();
  let total = 0;
  for (let k = 0; total < count; k++) {
    const decided = next(4) === 0 ? null : jobDecision(k, next, jobs, count - total);
    const batch = decided ?? [nodeAppend(next)];
    total += batch.reduce((n, a) => n + a.events.length, 0);
    appends.push(batch);
  }
  return appends;
}

function jobDecision(
  k: number,
  next: (n: number) => number,
  jobs: Map<string, { state: JobState; version: number }>,
  room: number,
): StreamAppend[] | null {
  const namespace = next(2) === 0 ? 'default' : 'prod';
  const jobId = `job-${next(12)}`;
  const key = `${namespace}/${jobId}`;
  const stream = jobs.get(key) ?? { state: jobDecider.initialState(), version: 0 };
  const meta = { now: BIG_SUBMIT_TIME + BigInt(k), actor: 'workload', evalId: randomUUID() };
  const ref = { namespace, jobId };
  const roll = next(20);
  const command: JobCommand =
    roll < 11
      ? {
          type: 'RegisterJob',
          job: aJob({ ID: jobId, Name: jobId, Namespace: namespace, Priority: 10 + next(90) }),
          enforceIndex: false,
          jobModifyIndex: 0,
          preserveCounts: false,
          ...meta,
        }
      : roll < 14
        ? { type: 'DeregisterJob', ...ref, purge: false, ...meta }
        : roll < 15
          ? { type: 'DeregisterJob', ...ref, purge: true, ...meta }
          : roll < 17
            ? {
                type: 'SetJobStability',
                ...ref,
                jobVersion: next(4),
                stable: next(2) === 0,
                ...meta,
              }
            : roll < 19
              ? { type: 'RevertJob', ...ref, jobVersion: next(4), ...meta }
              : { type: 'EvaluateJob', ...ref, forceReschedule: false, ...meta };
  let decision;
  try {
    decision = jobDecider.decide(command, stream.state);
  } catch {
    return null; // refused (unknown version, ...): nothing to append
  }
  const planned = planJobAppends(ref, stream.version, decision);
  const events = planned.reduce((n, a) => n + a.events.length, 0);
  if (events === 0 || events > room) return null;
  decision.forEach((event) => {
    if (event.type === 'EvaluationCreated') return;
    stream.state = jobDecider.evolve(stream.state, event, 0);
    stream.version += 1;
  });
  jobs.set(key, stream);
  return planned
    .filter((a) => a.events.length > 0)
    .map((a) => ({
      stream: a.stream,
      // Writers run concurrently, so the generator's order is not the commit order.
      expectedVersion: a.stream.category === 'job' ? 'any' : a.expectedVersion,
      events: a.events.map((e) => ({ id: randomUUID(), ...e })),
    }));
}

function nodeAppend(next: (n: number) => number): StreamAppend {
  const nodeId = `node-${next(6)}`;
  const event =
    next(3) === 0
      ? {
          type: 'NodeRegistered',
          data: { node: { ID: nodeId, Name: nodeId, Datacenter: 'dc1', Status: 'ready' } },
        }
      : {
          type: 'NodeStatusChanged',
          data: { nodeId, status: next(2) === 0 ? 'down' : 'ready' },
        };
  return append('node', nodeId, nodeId, event);
}

function append(
  category: string,
  id: string,
  partitionKey: string,
  event: { type: string; data: unknown },
): StreamAppend {
  return {
    stream: { id: `${category}-${id}`, category, partitionKey },
    expectedVersion: 'any',
    events: [{ id: randomUUID(), ...event }],
  };
}

/** Appends with a few writers at once, so commit order and log order get exercised. */
export async function appendAll(
  store: PostgresEventStore,
  appends: (StreamAppend | StreamAppend[])[],
  writers = 4,
): Promise<void> {
  const queue = [...appends];
  await Promise.all(
    Array.from({ length: writers }, async () => {
      for (let a = queue.shift(); a; a = queue.shift()) await store.append(a);
    }),
  );
}
