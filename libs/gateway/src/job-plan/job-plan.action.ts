import { randomUUID } from 'node:crypto';
import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type pg from 'pg';
import { decodePlanRequest } from '../dto/decode-job-requests';
import type { JobPlanRequestDto } from '../dto/job-requests.dto';
import { badRequest, ErrRequestBodyEmpty } from '../errors/nomad-coded.error';
import { PG_POOL } from '../gateway.tokens';
import { firstParam, type QueryParams } from '../http/query-options';
import { setWriteIndex } from '../http/query-meta';
import { JobActionRegistry, type JobActionContext } from '../job-routes/job-action.registry';
import { AGENT_REGION } from '../job-writes/job-writes.service';
import { prepareRegister } from '../job-writes/register-request';
import { readPlanState } from './pg-plan-snapshot';
import { planJob } from './plan-job';
import type { JobPlanResponse } from './plan-response';

/**
 * `PUT|POST /v1/job/:id/plan`: the register path's decoding, canonicalization and validation,
 * then the pure dry run over a read-model snapshot. It never sends a command, so the log
 * index cannot move; that is the whole contract of the endpoint.
 */
@Injectable()
export class JobPlanAction implements OnModuleInit {
  constructor(
    private readonly registry: JobActionRegistry,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
    @Inject(AGENT_REGION) private readonly agentRegion: string,
  ) {}

  onModuleInit(): void {
    this.registry.register('plan', { methods: ['PUT', 'POST'], handle: (ctx) => this.plan(ctx) });
  }

  async plan({ req, reply, jobId }: JobActionContext): Promise<JobPlanResponse> {
    if (req.body === undefined) throw badRequest(ErrRequestBodyEmpty);
    const request = decodePlanRequest(req.body);
    checkPlanRequest(request, jobId);
    const query = req.query as QueryParams;
    // the URL check is done above, in plan's words; the rest is the register path verbatim
    const prepared = prepareRegister(req.body, {
      queryNamespace: firstParam(query, 'namespace'),
      queryRegion: firstParam(query, 'region'),
      agentRegion: this.agentRegion,
    });
    const submitted = prepared.payload.job;
    const state = await readPlanState(this.pool, submitted.Namespace, submitted.ID);
    const response = planJob({
      submitted,
      existing: state.existing,
      snapshot: state.snapshot,
      diff: request.Diff === true,
      warnings: prepared.warnings,
      now: Date.now(),
      evalId: randomUUID(),
    });
    setWriteIndex(reply, response.Index);
    return response;
  }
}

/** Nomad's jobPlan HTTP checks, which word the register checks differently. */
function checkPlanRequest(request: JobPlanRequestDto, urlJobId: string): void {
  const job = request.Job;
  if (job === undefined || job === null) throw badRequest('Job must be specified');
  if (job.ID === undefined || job.ID === null) throw badRequest('Job must have a valid ID');
  if (job.ID !== urlJobId) throw badRequest('Job ID does not match');
}
