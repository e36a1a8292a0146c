import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { PostgresEventStore, StreamAppend } from '@caravan/event-store';
import { createTestDatabase, TestDatabase } from '@caravan/testkit';
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

// A deterministic mix of job and node events over a handful of streams: registrations, new
// versions, stops, purges and re-registrations, node registrations and status flaps.
export function workload(count: number): StreamAppend[] {
  const appends: StreamAppend[] = [];
  let seed = 42;
  // mulberry32: a small seeded generator whose low bits are usable, unlike a plain LCG's
  const next = (n: number): number => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return Math.floor((((t ^ (t >>> 14)) >>> 0) / 2 ** 32) * n);
  };
  const versions = new Map<string, number>();
  for (let k = 0; k < count; k++) {
    if (next(4) === 0) {
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
      appends.push(append('node', nodeId, nodeId, event));
      continue;
    }
    const namespace = next(2) === 0 ? 'default' : 'prod';
    const jobId = `job-${next(12)}`;
    const key = `${namespace}/${jobId}`;
    const roll = next(10);
    let event: { type: string; data: unknown };
    if (roll < 6) {
      const version = versions.has(key) ? versions.get(key)! + 1 : 0;
      versions.set(key, version);
      const job = {
        ID: jobId,
        Name: jobId,
        Namespace: namespace,
        Type: 'service',
        Priority: 10 + next(90),
        Version: version,
        SubmitTime: BIG_SUBMIT_TIME + BigInt(k),
      };
      event = { type: 'JobVersionRegistered', data: { job } };
    } else if (roll < 8) {
      event = { type: 'JobStopped', data: { namespace, jobId } };
    } else if (roll < 9) {
      event = { type: 'JobDeregistered', data: { namespace, jobId, purge: next(2) === 0 } };
    } else {
      versions.delete(key);
      event = { type: 'JobPurged', data: { namespace, jobId } };
    }
    appends.push(append('job', `${namespace}/${jobId}`, key, event));
  }
  return appends;
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
  appends: StreamAppend[],
  writers = 4,
): Promise<void> {
  const queue = [...appends];
  await Promise.all(
    Array.from({ length: writers }, async () => {
      for (let a = queue.shift(); a; a = queue.shift()) await store.append(a);
    }),
  );
}
