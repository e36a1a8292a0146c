import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { evaluationCreated, planJobAppends } from '@caravan/domain/jobs';
import { nodeStream, simulatedNode } from '@caravan/domain/nodes';
import { schedulerFixtures } from '@caravan/domain/scheduler';
import { PostgresEventStore, type RecordedEvent, type StreamAppend } from '@caravan/event-store';
import { planAppends, SchedulingState } from '@caravan/scheduling';
import {
  planEvaluation,
  SchedulerSnapshotAdapter,
  SchedulerWorker,
} from '@caravan/scheduler-worker';
import { startBenchInfra } from './bench-infra';
import { withRatios, type BenchReport, type BenchRow } from './bench-report';

// The scheduler worker end to end on the write side: evaluation start (delivered to the
// worker's handler) to committed plan (capacity guard and events in one transaction), on
// durable PostgreSQL, beside the pure scheduler's in-memory rate on the same state as the
// ceiling. Kafka transport is left out: workers get their evaluations handed over directly,
// split by job as partitions would split them. Workers share this process (and its one event
// loop): a second worker overlaps one worker's commit with another's planning.

const NODES = 5000;

async function freshDatabase(baseUrl: string, name: string): Promise<string> {
  const admin = new Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name}`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function seed(store: PostgresEventStore, jobs: { id: string; count: number }[]) {
  const nodes: StreamAppend[] = Array.from({ length: NODES }, (_, k) => {
    const node = { ...simulatedNode('bench', k, 'dc1', (s) => s), Status: 'ready' };
    const events = [{ id: randomUUID(), type: 'NodeRegistered', data: { node } }];
    return { stream: nodeStream(node.ID), expectedVersion: 'no_stream', events };
  });
  for (let i = 0; i < nodes.length; i += 500) await store.append(nodes.slice(i, i + 500));
  const appends = jobs.flatMap(({ id, count }) => {
    const job = { ...schedulerFixtures.aJob({ id, count, cpu: 100, memory: 128 }), CreateIndex: 0 };
    const decision = [
      {
        type: 'JobVersionRegistered' as const,
        schemaVersion: 1 as const,
        data: { job, createIndex: null, submission: null },
      },
      evaluationCreated({
        evalId: randomUUID(),
        now: BigInt(Date.now()) * 1_000_000n,
        namespace: 'default',
        jobId: id,
        type: 'service',
        priority: 50,
        trigger: 'job-register',
        jobModifyIndex: 'preceding-event',
      }),
    ];
    return planJobAppends({ namespace: 'default', jobId: id }, 0, decision).map((a) => ({
      ...a,
      events: a.events.map((e) => ({ ...e, id: randomUUID() })),
    }));
  });
  for (let i = 0; i < appends.length; i += 200) await store.append(appends.slice(i, i + 200));
}

async function readAll(store: PostgresEventStore): Promise<RecordedEvent[]> {
  const all: RecordedEvent[] = [];
  for (;;) {
    const page = await store.readLog(all[all.length - 1]?.logIndex ?? 0, 10_000);
    if (page.length === 0) return all;
    all.push(...page);
  }
}

interface Measured {
  placements: number;
  ms: number;
  heapMb?: number;
}

/** Seeds a fresh database, starts `workers` workers, hands each its jobs' evaluations. */
async function endToEnd(
  baseUrl: string,
  name: string,
  jobs: { id: string; count: number }[],
  workers: number,
): Promise<Measured> {
  const url = await freshDatabase(baseUrl, name);
  const store = await PostgresEventStore.open(url, { poolSize: 8 });
  await seed(store, jobs);
  const heap0 = process.memoryUsage().heapUsed;
  const started = await Promise.all(
    Array.from({ length: workers }, async () => {
      const own = await PostgresEventStore.open(url, { poolSize: 4 });
      return { own, worker: await SchedulerWorker.start(own) };
    }),
  );
  const heapMb = (process.memoryUsage().heapUsed - heap0) / workers / 2 ** 20;
  const evals = (await readAll(store)).filter((e) => e.type === 'EvaluationCreated');
  const t0 = performance.now();
  await Promise.all(
    started.map(async ({ worker }, w) => {
      for (const [i, e] of evals.entries()) if (i % workers === w) await worker.handle(e);
    }),
  );
  const ms = performance.now() - t0;
  const placed = (await readAll(store)).filter((e) => e.type === 'AllocationPlaced').length;
  for (const { own, worker } of started) {
    await worker.close();
    await own.close();
  }
  await store.close();
  return { placements: placed, ms, heapMb };
}

/** The pure scheduler on the same state, each plan folded in before the next (no I/O). */
async function ceiling(
  baseUrl: string,
  name: string,
  jobs: { id: string; count: number }[],
): Promise<Measured> {
  const url = await freshDatabase(baseUrl, name);
  const store = await PostgresEventStore.open(url, { poolSize: 4 });
  await seed(store, jobs);
  const log = await readAll(store);
  await store.close();
  const state = new SchedulingState();
  for (const e of log) state.apply(e);
  const adapter = new SchedulerSnapshotAdapter();
  const versions = new Map<string, number>();
  let placements = 0;
  let ms = 0;
  for (const e of log.filter((x) => x.type === 'EvaluationCreated')) {
    const t0 = performance.now();
    const snap = state.snapshot();
    const id = (e.data as { evaluation: { ID: string } }).evaluation.ID;
    const commit = planEvaluation(adapter, snap, snap.evaluation(id)!, {
      nowMs: Date.now(),
      deliveryAttempt: 1,
    });
    ms += performance.now() - t0;
    placements += commit.placements.length;
    for (const a of planAppends(commit))
      for (const ev of a.events) {
        const v =
          (versions.get(a.stream.id) ?? (a.stream.id.startsWith('evaluation-') ? 1 : 0)) + 1;
        versions.set(a.stream.id, v);
        state.apply({ logIndex: state.index + 1, streamPosition: v, type: ev.type, data: ev.data });
      }
  }
  return { placements, ms };
}

const row = (name: string, m: Measured, baseline?: string): BenchRow => ({
  name,
  value: (m.placements / m.ms) * 1000,
  unit: 'placements/s',
  baseline,
  note: `${m.placements} placed in ${Math.round(m.ms)} ms`,
});

export async function run(): Promise<BenchReport> {
  const infra = await startBenchInfra({ kafka: false });
  try {
    const big = [{ id: 'big', count: 10_000 }];
    const many = Array.from({ length: 1000 }, (_, i) => ({ id: `job-${i}`, count: 10 }));
    const bigCeiling = 'pure scheduler, 1 job × 10,000';
    const manyCeiling = 'pure scheduler, 1,000 jobs × 10';
    const bigOne = await endToEnd(infra.databaseUrl, 'bench_sched_big1', big, 1);
    const rows: BenchRow[] = [
      row(bigCeiling, await ceiling(infra.databaseUrl, 'bench_sched_bigc', big)),
      row('worker ×1, 1 job × 10,000 on 5,000 nodes', bigOne, bigCeiling),
      row(manyCeiling, await ceiling(infra.databaseUrl, 'bench_sched_manyc', many)),
      row(
        'worker ×1, 1,000 jobs × 10 on 5,000 nodes',
        await endToEnd(infra.databaseUrl, 'bench_sched_many1', many, 1),
        manyCeiling,
      ),
      row(
        'workers ×3, 1,000 jobs × 10 on 5,000 nodes',
        await endToEnd(infra.databaseUrl, 'bench_sched_many3', many, 3),
        manyCeiling,
      ),
      {
        name: 'worker heap holding 5,000 nodes (state + adapter, after start)',
        value: bigOne.heapMb ?? 0,
        unit: 'MB',
        note: 'heapUsed delta across SchedulerWorker.start on the seeded log',
      },
    ];
    return {
      name: 'scheduler (worker: evaluation start → committed plan)',
      machine: { cpus: cpus().length, node: process.version, date: new Date().toISOString() },
      rows: withRatios(rows),
    };
  } finally {
    await infra.stop();
  }
}
