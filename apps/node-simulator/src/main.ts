// Simulated client nodes: registers CARAVAN_NODE_COUNT nodes owned by this replica and runs
// the allocations placed on them.
import { PostgresEventStore } from '@caravan/event-store';
import { NodeSimulator } from '@caravan/node-simulator';
import { runApp, startAdminServer } from '@caravan/runtime';

runApp('node-simulator', async (config, logger) => {
  const store = await PostgresEventStore.open(config.databaseUrl);
  const simulator = new NodeSimulator(store, {
    simulatorId: config.nodeSimulatorId,
    nodeCount: config.nodeCount,
    datacenter: config.datacenter,
    onError: (error) => logger.warn({ err: error }, 'node simulator tick failed'),
  });
  await simulator.start();
  logger.info({ nodes: simulator.nodes.map((n) => n.ID) }, 'nodes registered');
  const admin = await startAdminServer('node-simulator', config.admin, logger);
  return [
    { name: 'event store', stop: () => store.close() },
    { name: 'simulator', stop: () => simulator.stop() },
    { name: 'admin http', stop: () => admin.close() },
  ];
});
