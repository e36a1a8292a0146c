import { mkdtempSync, readdirSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { withRatios, type BenchReport, type BenchRow } from './bench-report';
import { startBenchInfra } from './bench-infra';
import { baselineTarget, gatewayTarget } from './api/bench-target';
import { measureAll } from './api/api-phases';
import * as procs from './api/bench-processes';
import { summarizeProfile } from './api/cpu-profile-summary';
import { PhaseRunner } from './api/phase-runner';

// The Jobs API in the distributed topology (five app processes, Kafka, durable PostgreSQL),
// beside a bare Fastify server answering the same JSON in the same run. The gateway registers
// first (its jobs' JSON is what the baseline then serves); every phase starts on an idle
// machine. BENCH_SECONDS, BENCH_JOBS (list size), BENCH_WAITERS, BENCH_READ_RATE tune it;
// BENCH_PHASES=register,read,list,wake picks phases (jobs are seeded regardless);
// BENCH_CPU_PROF=api-gateway[,job-registry,…] writes and summarizes V8 CPU profiles.

const SECONDS = Number(process.env.BENCH_SECONDS ?? 5);
const LIST_JOBS = Number(process.env.BENCH_JOBS ?? 10_000);
const WAITERS = Number(process.env.BENCH_WAITERS ?? 10_000);
const READ_RATE = Number(process.env.BENCH_READ_RATE ?? 1000);
const PROFILE = (process.env.BENCH_CPU_PROF ?? '').split(',').filter(Boolean);
const PHASES = (process.env.BENCH_PHASES ?? '').split(',').filter(Boolean);
/** Selects 100 of the jobs (bench-001200 … bench-001299). */
const PREFIX = 'bench-0012';

export async function run(): Promise<BenchReport> {
  procs.buildOnce();
  const infra = await startBenchInfra({ kafka: true });
  const started: procs.BenchProcess[] = [];
  const profileDir = PROFILE.length > 0 ? mkdtempSync(join(tmpdir(), 'caravan-bench-prof-')) : '';
  const out: BenchRow[] = [];
  try {
    const databaseUrl = await freshDatabase(infra.databaseUrl, 'caravan_bench_api');
    const options = {
      databaseUrl,
      kafkaBrokers: infra.kafkaBrokers!,
      profile: PROFILE,
      profileDir,
    };
    const caravan = await procs.startCaravan(options, started);
    const baseline = await procs.startBaseline(started);
    const names = new Map(started.map((p) => [p.child.pid!, p.name]));
    const gw = gatewayTarget(caravan.baseUrl, caravan.gatewayPid);
    const base = baselineTarget(baseline.baseUrl, baseline.pid);
    const settings = {
      seconds: SECONDS,
      listJobs: LIST_JOBS,
      waiters: WAITERS,
      readRate: READ_RATE,
      concurrencies: [1, 16, 64],
      prefix: PREFIX,
      phases: PHASES,
      databaseUrl,
    };
    out.push(...(await measureAll(gw, base, new PhaseRunner(names), settings)));
  } finally {
    await procs.stopAll(started);
    await infra.stop();
  }
  for (const app of PROFILE) out.push(...profileRows(app, profileDir));
  return {
    name: 'api',
    machine: { cpus: cpus().length, node: process.version, date: new Date().toISOString() },
    rows: withRatios(out),
  };
}

function profileRows(app: string, dir: string): BenchRow[] {
  const file = readdirSync(dir).find((f) => f.startsWith(app));
  if (!file)
    return [{ name: `cpu profile ${app}`, value: NaN, unit: '', note: 'no profile written' }];
  const summary = summarizeProfile(join(dir, file));
  return [
    {
      name: `cpu profile ${app}: busy`,
      value: summary.busyPercent,
      unit: '% of samples',
      note: join(dir, file),
    },
    ...summary.packages.map((p) => ({
      name: `cpu ${app} package ${p.where}`,
      value: p.percent,
      unit: '% busy',
    })),
    ...summary.functions.map((f) => ({
      name: `cpu ${app} fn ${f.where}`,
      value: f.percent,
      unit: '% busy',
    })),
  ];
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
