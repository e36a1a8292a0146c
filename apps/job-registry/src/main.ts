// Job, evaluation and node streams' write side; leader duties (sequencer sweep, projector,
// forwarder) are shared among replicas by PostgreSQL leases.
import { PostgresEventStore } from '@caravan/event-store';
import { getMetricsRegistry, PinoNestLogger } from '@caravan/observability';
import { createRegistryExecutor } from '@caravan/registry';
import { GrpcRegistryServer } from '@caravan/rpc';
import {
  registerEventStoreMetrics,
  runApp,
  startAdminServer,
  startRegistryDuties,
} from '@caravan/runtime';

runApp('job-registry', async (config, logger) => {
  const store = await PostgresEventStore.open(config.databaseUrl, {
    poolSize: 20,
    applicationName: 'caravan-job-registry',
    warnings: logger.child({ component: 'event-store' }),
  });
  registerEventStoreMetrics(store, getMetricsRegistry('job-registry'));
  const duties = await startRegistryDuties(
    store,
    config.databaseUrl,
    { mode: 'kafka', kafka: config.kafka },
    logger,
  );
  const executor = await createRegistryExecutor(store, new PinoNestLogger(logger));
  const server = new GrpcRegistryServer(executor.execute);
  const port = await server.listen(`${config.grpc.host}:${config.grpc.port}`);
  logger.info({ port }, 'registry gRPC listening');
  const admin = await startAdminServer('job-registry', config.admin, logger);
  return [
    { name: 'event store', stop: () => store.close() },
    ...duties,
    { name: 'registry', stop: () => executor.close() },
    { name: 'grpc server', stop: () => server.close() },
    { name: 'admin http', stop: () => admin.close() },
  ];
});
