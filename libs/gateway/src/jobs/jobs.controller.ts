import { Controller, Get, Inject, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { BlockingQueries } from '../blocking/blocking-queries.service';
import { firstParam, type QueryParams } from '../http/query-options';
import { setQueryMeta } from '../http/query-meta';
import {
  JOB_LIST_TABLES,
  JOBS_READ_REPOSITORY,
  type JobsReadRepository,
} from './jobs-read.repository';

@Controller('v1')
export class JobsController {
  constructor(
    private readonly blocking: BlockingQueries,
    @Inject(JOBS_READ_REPOSITORY) private readonly jobs: JobsReadRepository,
  ) {}

  @Get('jobs')
  async list(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<unknown[]> {
    const query = req.query as QueryParams;
    const namespace = firstParam(query, 'namespace') || 'default';
    const prefix = firstParam(query, 'prefix');
    const { index, body } = await this.blocking.query(req, JOB_LIST_TABLES, () =>
      this.jobs.listJobs({ namespace, prefix }),
    );
    setQueryMeta(reply, index);
    return body;
  }
}
