import { freePort } from '@caravan/testkit';

/** One app of the distributed topology: its settings and the port its health check answers on. */
export interface AppLaunch {
  app: string;
  env: Record<string, string>;
  healthPort: number;
}

/**
 * docker-compose's topology as local processes, in start order: the registry first (it owns
 * the schema and the leader duties), the consumers, then the gateway reaching the registry over
 * gRPC. Shared by the e2e harness and the API benchmark.
 */
export async function distributedPlan(
  simulatorId: string,
): Promise<{ httpPort: number; launches: AppLaunch[] }> {
  const [httpPort, grpcPort, registryAdmin] = [
    await freePort(),
    await freePort(),
    await freePort(),
  ];
  const launches: AppLaunch[] = [
    {
      app: 'job-registry',
      env: {
        CARAVAN_GRPC_ADDR: `127.0.0.1:${grpcPort}`,
        CARAVAN_ADMIN_ADDR: `127.0.0.1:${registryAdmin}`,
      },
      healthPort: registryAdmin,
    },
  ];
  for (const app of ['scheduler', 'deployment-watcher', 'node-simulator']) {
    const admin = await freePort();
    launches.push({
      app,
      env: { CARAVAN_ADMIN_ADDR: `127.0.0.1:${admin}`, CARAVAN_NODE_SIMULATOR_ID: simulatorId },
      healthPort: admin,
    });
  }
  launches.push({
    app: 'api-gateway',
    env: {
      CARAVAN_HTTP_ADDR: `127.0.0.1:${httpPort}`,
      CARAVAN_REGISTRY_ADDR: `127.0.0.1:${grpcPort}`,
    },
    healthPort: httpPort,
  });
  return { httpPort, launches };
}
