// The Nomad HTTP API. Stateless: reads come from the read models, writes go to the registry.
import { createReadModelDataSource, ensureReadModelSchema } from '@caravan/read-models';
import { GrpcRegistryClient } from '@caravan/rpc';
import { runApp, startApiGateway } from '@caravan/runtime';

runApp('api-gateway', async (config, logger) => {
  // Read-model tables may not exist yet when the gateway starts first; creating them is idempotent.
  const dataSource = createReadModelDataSource(config.databaseUrl);
  await dataSource.initialize();
  await ensureReadModelSchema(dataSource);
  await dataSource.destroy();
  const registry = new GrpcRegistryClient(config.registryTarget);
  const gateway = await startApiGateway(
    'api-gateway',
    config.databaseUrl,
    registry,
    config.http,
    logger,
  );
  return [{ name: 'registry client', stop: () => registry.close() }, ...gateway.parts];
});
