import { Module, type ModuleMetadata } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  createLogger,
  getMetricsRegistry,
  PinoNestLogger,
  type Logger,
} from '@caravan/observability';
import pg from 'pg';
import { GatewayModule } from './gateway.module';
import { correlationIdFor } from './http/correlation-id';
import { configureFastify } from './http/fastify-setup';
import { RouteMatcher } from './http/route-matcher';
import { IndexHub } from './index-hub/index-hub';
import type { JobsReadRepository } from './jobs/jobs-read.repository';
import type { JobRegistryPort } from './ports/job-registry.port';

export interface GatewayAppOptions {
  databaseUrl: string;
  registry: JobRegistryPort;
  /** Name for logs and the metrics `app` label. Default `api-gateway`. */
  app?: string;
  logger?: Logger;
  /** Feature modules of the composition root (register, read job, ...). */
  imports?: ModuleMetadata['imports'];
  jobs?: JobsReadRepository;
  errorStatuses?: Readonly<Record<string, number>>;
  /** Read-model pool size. Default 10. */
  poolSize?: number;
  /** Largest accepted request body in bytes. Default 16 MiB (job specs can be large). */
  bodyLimit?: number;
}

/**
 * A NestFastifyApplication wired as Nomad's HTTP API, not yet listening: call
 * `app.listen(4646, '127.0.0.1')`. `app.close()` also closes the index hub and the pool.
 */
export async function createGatewayApp(
  options: GatewayAppOptions,
): Promise<NestFastifyApplication> {
  const app = options.app ?? 'api-gateway';
  const logger = options.logger ?? createLogger(app);
  const metrics = getMetricsRegistry(app);
  const bodyLimit = options.bodyLimit ?? 16 * 1024 * 1024;
  const pool = new pg.Pool({ connectionString: options.databaseUrl, max: options.poolSize ?? 10 });
  pool.on('error', (err) => logger.warn({ err }, 'idle read-model connection failed'));
  let hub: IndexHub | undefined;
  try {
    hub = await IndexHub.open(options.databaseUrl, { logger, metrics });
    const routes = new RouteMatcher();
    // The request id is the correlation id (http/correlation-id.ts); Fastify's own header
    // handling is off because genReqId validates what the client sent.
    const adapter = new FastifyAdapter({
      logger: false,
      bodyLimit,
      genReqId: correlationIdFor,
      requestIdHeader: false,
    });
    configureFastify(adapter.getInstance(), { logger, routes, metrics, bodyLimit });

    @Module({
      imports: [
        GatewayModule.forRoot({
          app,
          hub,
          pool,
          logger,
          routes,
          registry: options.registry,
          jobs: options.jobs,
          errorStatuses: options.errorStatuses,
          ownsResources: true,
        }),
        ...(options.imports ?? []),
      ],
    })
    class GatewayAppModule {}

    const nest = await NestFactory.create<NestFastifyApplication>(GatewayAppModule, adapter, {
      logger: new PinoNestLogger(logger),
      bodyParser: false,
      abortOnError: false,
    });
    await nest.init();
    return nest;
  } catch (err) {
    await hub?.close();
    await pool.end();
    throw err;
  }
}
