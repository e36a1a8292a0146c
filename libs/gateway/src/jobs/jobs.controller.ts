import { Controller, Get, Post, Put, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { RawJson } from '../http/raw-json';
import { JobReadsService } from '../job-reads/job-reads.service';
import { ParseJobService } from '../job-parse/parse-job.service';
import { JobWritesService, type JobRegisterResponse } from '../job-writes/job-writes.service';

/** `/v1/jobs` (list, register) and `/v1/jobs/parse`; any other `/v1/jobs/...` is a bare 404. */
@Controller('v1')
export class JobsController {
  constructor(
    private readonly reads: JobReadsService,
    private readonly writes: JobWritesService,
    private readonly parser: ParseJobService,
  ) {}

  @Get('jobs')
  list(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RawJson> {
    return this.reads.listJobs(req, reply);
  }

  @Put('jobs')
  registerPut(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<JobRegisterResponse> {
    return this.writes.register(req, reply);
  }

  @Post('jobs')
  registerPost(
    @Req() req: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<JobRegisterResponse> {
    return this.writes.register(req, reply);
  }

  @Put('jobs/parse')
  parsePut(@Req() req: FastifyRequest): Promise<unknown> {
    return this.parser.parse(req.body);
  }

  @Post('jobs/parse')
  parsePost(@Req() req: FastifyRequest): Promise<unknown> {
    return this.parser.parse(req.body);
  }
}
