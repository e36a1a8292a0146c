import { Controller, Delete, Get, Post, Put, Req, Res } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { invalidMethod, notFound } from '../errors/nomad-coded.error';
import { AllocationReads } from '../cluster-reads/allocation-reads';
import { JobReadsService } from '../job-reads/job-reads.service';
import { JobWritesService } from '../job-writes/job-writes.service';
import { JobActionRegistry, type JobActionContext } from './job-action.registry';
import { parseJobPath } from './job-path';

const WRITE = ['PUT', 'POST'];
const READ = ['GET', 'HEAD'];

/**
 * `/v1/job/<rest>`: one route family, dispatched by suffix (job IDs may contain '/'). The
 * wildcard is URL-decoded by the router, so `%2F` acts as '/', as in Nomad.
 */
@Controller('v1')
export class JobController {
  constructor(
    private readonly reads: JobReadsService,
    private readonly writes: JobWritesService,
    private readonly actions: JobActionRegistry,
    private readonly allocs: AllocationReads,
  ) {}

  @Get('job/*')
  get(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.dispatch(req, reply);
  }

  @Put('job/*')
  put(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.dispatch(req, reply);
  }

  @Post('job/*')
  post(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.dispatch(req, reply);
  }

  @Delete('job/*')
  delete(@Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    return this.dispatch(req, reply);
  }

  private async dispatch(req: FastifyRequest, reply: FastifyReply): Promise<unknown> {
    const rest = (req.params as Record<string, string | undefined>)['*'] ?? '';
    const { jobId, action, tag } = parseJobPath(rest);
    const method = req.method;
    const only = (methods: readonly string[]): void => {
      if (!methods.includes(method)) throw invalidMethod();
    };
    switch (action) {
      case null:
        if (READ.includes(method)) return this.reads.readJob(req, reply, jobId);
        if (WRITE.includes(method)) return this.writes.register(req, reply, jobId);
        return this.writes.deregister(req, reply, jobId);
      case 'versions':
        return this.reads.versions(req, reply, jobId); // Nomad checks no method here
      case 'summary':
        return this.reads.summary(req, reply, jobId); // nor here
      case 'evaluations':
        only(READ);
        return this.reads.evaluations(req, reply, jobId);
      case 'allocations':
        only(READ);
        return this.allocs.ofJob(req, reply, jobId);
      case 'deployments':
        only(READ);
        return this.reads.empty(req, reply, 'deployments', []);
      case 'deployment':
        only(READ);
        return this.reads.empty(req, reply, 'deployment', null);
      case 'evaluate':
        only(WRITE);
        return this.writes.evaluate(req, reply, jobId);
      case 'revert':
        only(WRITE);
        return this.writes.revert(req, reply, jobId);
      case 'stable':
        only(WRITE);
        return this.writes.stable(req, reply, jobId);
      default:
        return this.extension({ req, reply, jobId, tag }, action);
    }
  }

  /** Actions of later slices; until one registers, Nomad's bare 404 for an unknown path. */
  private extension(ctx: JobActionContext, action: Parameters<JobActionRegistry['get']>[0]) {
    const handler = this.actions.get(action);
    if (handler === undefined) throw notFound('');
    if (!handler.methods.includes(ctx.req.method)) throw invalidMethod();
    return handler.handle(ctx);
  }
}
