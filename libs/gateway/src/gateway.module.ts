import { Inject, Module, type DynamicModule, type OnApplicationShutdown } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { HealthModule, MetricsModule, type Logger } from '@caravan/observability';
import type pg from 'pg';
import { BlockingQueries } from './blocking/blocking-queries.service';
import { DEFAULT_ERROR_STATUSES } from './errors/error-status.mapper';
import { NomadExceptionFilter } from './errors/nomad-exception.filter';
import {
  ERROR_STATUSES,
  GATEWAY_LOGGER,
  INDEX_HUB,
  PG_POOL,
  ROUTE_MATCHER,
} from './gateway.tokens';
import { RouteMatcher } from './http/route-matcher';
import type { IndexHub } from './index-hub/index-hub';
import { JOB_READS_REPOSITORY } from './job-reads/job-reads.repository';
import { PgJobReadsRepository } from './job-reads/pg-job-reads.repository';
import { JobsApiModule } from './job-routes/jobs-api.module';
import type { JobsReadRepository } from './jobs/jobs-read.repository';
import { JOB_REGISTRY, type JobRegistryPort } from './ports/job-registry.port';

export interface GatewayDeps {
  app: string;
  hub: IndexHub;
  pool: pg.Pool;
  registry: JobRegistryPort;
  logger: Logger;
  /** Filled by configureFastify's onRoute hook; the filter reads it to answer 405. */
  routes: RouteMatcher;
  jobs?: JobsReadRepository;
  /** Extra `code` → HTTP status entries, merged over DEFAULT_ERROR_STATUSES. */
  errorStatuses?: Readonly<Record<string, number>>;
  /** Close hub and pool when the app closes (createGatewayApp opened them). */
  ownsResources?: boolean;
}

const GATEWAY_DEPS = Symbol('GATEWAY_DEPS');

class GatewayResources implements OnApplicationShutdown {
  constructor(@Inject(GATEWAY_DEPS) private readonly deps: GatewayDeps) {}
  async onApplicationShutdown(): Promise<void> {
    if (!this.deps.ownsResources) return;
    await this.deps.hub.close();
    await this.deps.pool.end();
  }
}

/**
 * The Nomad HTTP surface's shared machinery: the error filter, blocking queries, the index
 * hub, the command port, health and metrics, and the Jobs API (JobsApiModule). Global, so the feature
 * modules of apps/api-gateway can inject BlockingQueries, JOB_REGISTRY and PG_POOL.
 */
@Module({})
export class GatewayModule {
  static forRoot(deps: GatewayDeps): DynamicModule {
    const hub = deps.hub;
    return {
      module: GatewayModule,
      global: true,
      imports: [
        MetricsModule.forRoot({ app: deps.app }),
        HealthModule.forRoot({
          client: true,
          check: async () =>
            hub.connected
              ? { ok: true, message: 'ok' }
              : { ok: false, message: 'index LISTEN connection is down' },
        }),
        // Every gateway serves the Jobs API (GET /v1/jobs is part of the basics).
        JobsApiModule,
      ],
      providers: [
        { provide: GATEWAY_DEPS, useValue: deps },
        { provide: INDEX_HUB, useValue: deps.hub },
        { provide: PG_POOL, useValue: deps.pool },
        { provide: JOB_REGISTRY, useValue: deps.registry },
        { provide: GATEWAY_LOGGER, useValue: deps.logger },
        { provide: ROUTE_MATCHER, useValue: deps.routes },
        { provide: ERROR_STATUSES, useValue: { ...DEFAULT_ERROR_STATUSES, ...deps.errorStatuses } },
        {
          provide: JOB_READS_REPOSITORY,
          useValue: deps.jobs ?? new PgJobReadsRepository(deps.pool),
        },
        { provide: APP_FILTER, useClass: NomadExceptionFilter },
        BlockingQueries,
        GatewayResources,
      ],
      exports: [
        INDEX_HUB,
        PG_POOL,
        JOB_REGISTRY,
        GATEWAY_LOGGER,
        JOB_READS_REPOSITORY,
        BlockingQueries,
      ],
    };
  }
}
