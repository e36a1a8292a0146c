import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { HealthModule, MetricsModule, PinoNestLogger, type Logger } from '@caravan/observability';

/**
 * The small HTTP server every non-gateway app runs: `GET /v1/agent/health` for container health
 * checks and `GET /v1/metrics?format=prometheus` for scraping.
 */
export async function startAdminServer(
  app: string,
  address: { host: string; port: number },
  logger: Logger,
): Promise<NestFastifyApplication> {
  @Module({ imports: [HealthModule.forRoot(), MetricsModule.forRoot({ app })] })
  class AdminModule {}

  const server = await NestFactory.create<NestFastifyApplication>(
    AdminModule,
    new FastifyAdapter(),
    {
      logger: new PinoNestLogger(logger),
    },
  );
  await server.listen(address.port, address.host);
  return server;
}
