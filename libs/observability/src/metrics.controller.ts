import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { Registry } from 'prom-client';
import { toNomadMetricsJson, type MetricJson } from './metrics-json';

export const METRICS_REGISTRY = Symbol('METRICS_REGISTRY');

@Controller('v1')
export class MetricsController {
  constructor(@Inject(METRICS_REGISTRY) private readonly registry: Registry) {}

  // Nomad serves both formats on one path; `format=prometheus` selects the text exposition.
  @Get('metrics')
  async metrics(
    @Query('format') format: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown> {
    if (format === 'prometheus') {
      void reply.header('content-type', this.registry.contentType);
      return this.registry.metrics();
    }
    const metrics = (await this.registry.getMetricsAsJSON()) as unknown as MetricJson[];
    return toNomadMetricsJson(metrics, new Date());
  }
}
