import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { Client, Pool } from 'pg';
import { PostgresEventStore, type NewEvent } from '@caravan/event-store';
import { closedLoop, type LoadResult } from './bench-load';
import { withRatios, type BenchReport, type BenchRow } from './bench-report';
import { pgbenchTps, startBenchInfra } from './bench-infra';
import { forwarderThroughput, projectionLag } from './event-store-pipeline.bench';

// Appends: one stream row + two ~1.5 KB JSONB events per append, as DESIGN.md measured.
// Baselines in the same run on the same database: pgbench -N, and the same rows written by raw
// `pg` with one INSERT statement per transaction (no ordering, no index, no wait).

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const PAD = 'x'.repeat(1400);

function events(worker: number, i: number): NewEvent[] {
  return [0, 1].map((k) => ({
    id: randomUUID(),
    type: 'BenchHappened',
    data: { worker, i, k, pad: PAD },
  }));
}

export async function run(): Promise<BenchReport> {
  const infra = await startBenchInfra({ kafka: true });
  try {
    const url = await freshDatabase(infra.databaseUrl, 'caravan_bench_es');
    const rows: BenchRow[] = [];
    for (const clients of [1, 16]) {
      const tps = pgbenchTps(url, clients, SECONDS);
      if (tps !== null)
        rows.push({ name: `pgbench -N, ${clients} clients`, value: tps, unit: 'tx/s' });
    }
    for (const writers of [1, 16]) {
      const raw = await rawInsertLoad(url, writers);
      rows.push(...loadRows(`raw pg insert, ${writers} writers`, raw));
    }
    const store = await PostgresEventStore.open(url, {
      poolSize: 20,
      appendConcurrency: process.env.BENCH_APPEND_CONCURRENCY
        ? Number(process.env.BENCH_APPEND_CONCURRENCY)
        : undefined,
    });
    try {
      for (const writers of [1, 16, 64]) {
        const result = await closedLoop(writers, SECONDS, (w, i) =>
          store
            .append({
              stream: { id: `bench-${writers}-${w}`, category: 'bench', partitionKey: `k${w}` },
              expectedVersion: 'any',
              events: events(w, i),
            })
            .then(() => undefined),
        );
        // The baseline: the same rows written by raw pg in the same run; pgbench -N
        // (the physical ceiling, smaller rows) is reported beside it.
        const clients = Math.min(writers, 16);
        const base = `raw pg insert, ${clients} writers/s`;
        const pgbench = rows.find((r) => r.name === `pgbench -N, ${clients} clients`);
        const appendRows = loadRows(`event store append, ${writers} writers`, result, base);
        if (pgbench)
          appendRows[0]!.note = `${(result.perSecond / pgbench.value).toFixed(2)}x pgbench -N`;
        rows.push(...appendRows);
      }
      rows.push(await forwarderThroughput(store, url, infra.kafkaBrokers));
      rows.push(...(await projectionLag(store, url, SECONDS)));
    } finally {
      await store.close();
    }
    return {
      name: 'event-store',
      machine: { cpus: cpus().length, node: process.version, date: new Date().toISOString() },
      rows: withRatios(rows),
    };
  } finally {
    await infra.stop();
  }
}

function loadRows(name: string, result: LoadResult, baseline?: string): BenchRow[] {
  return [
    { name: `${name}/s`, value: result.perSecond, unit: 'appends/s', baseline },
    { name: `${name} p50`, value: result.p50Ms, unit: 'ms' },
    { name: `${name} p99`, value: result.p99Ms, unit: 'ms' },
  ];
}

async function rawInsertLoad(url: string, writers: number): Promise<LoadResult> {
  const pool = new Pool({ connectionString: url, max: writers });
  await pool.query(`create table if not exists raw_streams (id text primary key, version bigint not null);
    create table if not exists raw_events (position bigserial primary key, id uuid unique, stream text, data jsonb)`);
  try {
    return await closedLoop(writers, SECONDS, async (w, i) => {
      const [a, b] = events(w, i);
      await pool.query(
        `with s as (insert into raw_streams values ($1, 2) on conflict (id) do update set version = raw_streams.version + 2 returning id)
         insert into raw_events (id, stream, data) select x.id, s.id, x.data from s,
           (values ($2::uuid, $3::jsonb), ($4::uuid, $5::jsonb)) as x(id, data)`,
        [`raw-${writers}-${w}`, a!.id, JSON.stringify(a!.data), b!.id, JSON.stringify(b!.data)],
      );
    });
  } finally {
    await pool.end();
  }
}

async function freshDatabase(serverUrl: string, name: string): Promise<string> {
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
