import { loadConfig } from '@caravan/config';
import { createLogger } from '@caravan/observability';
import { startCaravan } from '@caravan/runtime';
import { createTestDatabase } from '@caravan/testkit';
import type { CaravanUnderTest } from './caravan-under-test';

/**
 * The embedded process (as `npm start` runs it), in this test process, on a fresh database and
 * a free port. The store-tail transport, as embedded mode uses without KAFKA_BROKERS.
 */
export async function startEmbeddedCaravan(): Promise<CaravanUnderTest> {
  const db = await createTestDatabase();
  const config = loadConfig('caravan', {
    DATABASE_URL: db.url,
    CARAVAN_HTTP_ADDR: '127.0.0.1:0',
    CARAVAN_NODE_SIMULATOR_ID: 'e2e',
  });
  const system = await startCaravan(config, createLogger('caravan-e2e', { level: 'warn' }));
  return {
    mode: 'embedded',
    baseUrl: `http://127.0.0.1:${system.httpPort}`,
    databaseUrl: db.url,
    stop: async () => {
      for (const part of [...system.parts].reverse()) await part.stop();
      await db.drop();
    },
  };
}
