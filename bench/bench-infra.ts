import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmbeddedPostgres } from '@caravan/runtime';

// Benchmarks run against durable PostgreSQL (fsync on, as a user runs Caravan), not the test
// cluster's fsync-off settings. DATABASE_URL / KAFKA_BROKERS point them elsewhere.

export interface BenchInfra {
  databaseUrl: string;
  kafkaBrokers?: string;
  stop(): Promise<void>;
}

export async function startBenchInfra(options: { kafka: boolean }): Promise<BenchInfra> {
  const stops: (() => Promise<void> | void)[] = [];
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const dir = mkdtempSync(join(tmpdir(), 'caravan-bench-pg-'));
    const pg = await startEmbeddedPostgres(dir, () => undefined);
    databaseUrl = pg.url;
    stops.push(async () => {
      await pg.stop();
      rmSync(dir, { recursive: true, force: true });
    });
  }
  let kafkaBrokers = process.env.KAFKA_BROKERS;
  if (options.kafka && !kafkaBrokers) {
    const work = mkdtempSync(join(tmpdir(), 'caravan-bench-kafka-'));
    const out = execFileSync('bash', [join(__dirname, '..', 'infra', 'kafka', 'start.sh')], {
      env: {
        ...process.env,
        KAFKA_WORK_DIR: work,
        KAFKA_PORT: '19092',
        KAFKA_CONTROLLER_PORT: '19093',
      },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    kafkaBrokers = /KAFKA_BROKERS=(\S+)/.exec(out)?.[1];
    stops.push(
      () =>
        void spawnSync('bash', [join(__dirname, '..', 'infra', 'kafka', 'stop.sh'), work], {
          stdio: 'ignore',
        }),
    );
  }
  return {
    databaseUrl,
    kafkaBrokers,
    stop: async () => {
      for (const stop of stops.reverse()) await stop();
    },
  };
}

/** pgbench -N (simple-update without branch updates) on the same database, when installed. */
export function pgbenchTps(databaseUrl: string, clients: number, seconds: number): number | null {
  const url = new URL(databaseUrl);
  const env = { ...process.env, PGPASSWORD: decodeURIComponent(url.password) };
  const args = ['-h', url.hostname, '-p', url.port, '-U', decodeURIComponent(url.username)];
  const db = url.pathname.slice(1) || 'postgres';
  const init = spawnSync('pgbench', [...args, '-i', '-q', '-s', '1', db], {
    env,
    encoding: 'utf8',
  });
  if (init.error || init.status !== 0) return null;
  const run = spawnSync(
    'pgbench',
    [...args, '-N', '-c', String(clients), '-j', '2', '-T', String(seconds), db],
    {
      env,
      encoding: 'utf8',
    },
  );
  const tps = /tps = ([\d.]+)/.exec(run.stdout ?? '')?.[1];
  return tps ? Number(tps) : null;
}
