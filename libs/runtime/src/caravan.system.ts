import type { CaravanConfig } from '@caravan/config';
import { PostgresEventStore } from '@caravan/event-store';
import { NodeSimulator } from '@caravan/node-simulator';
import { getMetricsRegistry, PinoNestLogger, type Logger } from '@caravan/observability';
import { createRegistryExecutor } from '@caravan/registry';
import { eventStorePorts } from '@caravan/messaging';
import { InProcessRegistryClient } from '@caravan/rpc';
import { startApiGateway } from './api-gateway.starter';
import { startEmbeddedPostgres } from './embedded-postgres';
import { registerEventStoreMetrics } from './event-store-metrics';
import { countingHandler, startConsumers } from './event-consumers';
import { startSchedulerWorker } from './scheduler-worker.starter';
import type { Stoppable } from './process-lifecycle';
import { startRegistryDuties } from './registry-duties';

export interface CaravanSystem {
  databaseUrl: string;
  httpPort: number;
  /** every part, in start order; stop them last first */
  parts: Stoppable[];
}

/**
 * Embedded mode: every app's modules in one process, the `nomad agent -dev` of Caravan. The same
 * code paths as the distributed apps: only the registry is reached in process instead of over
 * gRPC, and without KAFKA_BROKERS consumers tail the event store.
 */
export async function startCaravan(config: CaravanConfig, logger: Logger): Promise<CaravanSystem> {
  const parts: Stoppable[] = [];
  try {
    let databaseUrl: string;
    if (config.database.mode === 'external') {
      databaseUrl = config.database.url;
    } else {
      const dataDir = config.dataDir;
      const pgLogger = logger.child({ component: 'postgres' });
      const postgres = await startEmbeddedPostgres(dataDir, (line) => pgLogger.debug(line));
      parts.push({ name: 'embedded postgres', stop: () => postgres.stop() });
      databaseUrl = postgres.url;
      logger.info({ dataDir }, 'embedded PostgreSQL started');
    }
    const store = await PostgresEventStore.open(databaseUrl, {
      poolSize: 20,
      applicationName: 'caravan',
      warnings: logger.child({ component: 'event-store' }),
    });
    registerEventStoreMetrics(store, getMetricsRegistry('caravan'));
    parts.push({ name: 'event store', stop: () => store.close() });
    parts.push(...(await startRegistryDuties(store, databaseUrl, config.transport, logger)));
    const executor = await createRegistryExecutor(store, new PinoNestLogger(logger));
    parts.push({ name: 'registry', stop: () => executor.close() });
    const scheduler = await startSchedulerWorker(
      store,
      eventStorePorts(store, databaseUrl).leaderFor,
      logger,
    );
    parts.push(...scheduler.parts);
    parts.push(
      ...(await startConsumers(
        'caravan',
        store,
        databaseUrl,
        config.transport,
        [
          scheduler.consumer,
          {
            name: 'deployment-watcher',
            categories: ['deployment', 'allocation'],
            handler: countingHandler('caravan', 'deployment-watcher'),
          },
        ],
        logger,
      )),
    );
    const simulator = new NodeSimulator(store, {
      simulatorId: config.nodeSimulatorId,
      nodeCount: config.nodeCount,
      datacenter: config.datacenter,
      onError: (error) => logger.warn({ err: error }, 'node simulator tick failed'),
    });
    await simulator.start();
    parts.push({ name: 'node simulator', stop: () => simulator.stop() });
    const gateway = await startApiGateway(
      'caravan',
      databaseUrl,
      new InProcessRegistryClient(executor.execute),
      config.http,
      logger,
    );
    parts.push(...gateway.parts);
    return { databaseUrl, httpPort: gateway.port, parts };
  } catch (error) {
    for (const part of parts.reverse()) await Promise.resolve(part.stop()).catch(() => undefined);
    throw error;
  }
}
