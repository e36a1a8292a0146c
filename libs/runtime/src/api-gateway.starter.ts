import type { ModuleMetadata } from '@nestjs/common';
import type { JobRegistryPort } from '@caravan/contracts';
import { createGatewayApp } from '@caravan/gateway';
import type { Logger } from '@caravan/observability';
import type { HostPort } from '@caravan/config';
import type { Stoppable } from './process-lifecycle';

/** The feature modules every gateway serves (the Nomad API routes beyond the basics). */
export const GATEWAY_FEATURES: NonNullable<ModuleMetadata['imports']> = [];

export async function startApiGateway(
  app: string,
  databaseUrl: string,
  registry: JobRegistryPort,
  http: HostPort,
  logger: Logger,
): Promise<{ parts: Stoppable[]; port: number }> {
  const gateway = await createGatewayApp({
    app,
    databaseUrl,
    registry,
    logger,
    imports: GATEWAY_FEATURES,
  });
  await gateway.listen(http.port, http.host);
  const address = gateway.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : http.port;
  logger.info({ host: http.host, port }, 'Nomad HTTP API listening');
  return { parts: [{ name: 'http api', stop: () => gateway.close() }], port };
}
