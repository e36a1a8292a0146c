import { randomBytes } from 'node:crypto';
import { Client } from 'pg';
import { TestInfraMissingError } from './testkit.errors';

export interface TestDatabase {
  /** Connection URL of the new, empty database. */
  url: string;
  /** Terminates the database's remaining connections and drops it. Safe to call twice. */
  drop(): Promise<void>;
}

const HINT =
  'integration tests get it from the Jest globalSetup (test/infra/global-setup.ts); ' +
  'outside Jest set it to a PostgreSQL URL whose user may CREATE DATABASE';

/** A fresh empty database on the server named by DATABASE_URL, one per test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new TestInfraMissingError('DATABASE_URL', HINT);
  const name = `caravan_t_${randomBytes(6).toString('hex')}`;
  await withClient(adminUrl, (c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  let dropped = false;
  return {
    url: url.toString(),
    drop: async () => {
      if (dropped) return;
      await dropDatabase(adminUrl, name);
      dropped = true;
    },
  };
}

async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, async (c) => {
    // A pool left open by the test can reconnect between terminate and DROP; retry then.
    for (let attempt = 1; ; attempt++) {
      await c.query(
        'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()',
        [name],
      );
      try {
        await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)}`);
        return;
      } catch (e) {
        const inUse = (e as { code?: string }).code === '55006'; // object_in_use
        if (!inUse || attempt >= 5) throw e;
        await new Promise((resolve) => setTimeout(resolve, 100 * attempt));
      }
    }
  });
}

async function withClient<T>(url: string, work: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
