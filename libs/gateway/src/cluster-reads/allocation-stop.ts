import { Inject, Injectable } from '@nestjs/common';
import type { StopAllocationPayload, StopAllocationResult } from '@caravan/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type pg from 'pg';
import { notFound } from '../errors/nomad-coded.error';
import { PG_POOL } from '../gateway.tokens';
import { setWriteIndex } from '../http/query-meta';
import { CommandSender } from '../job-writes/command-sender';

/** Nomad's AllocStopResponse. */
export interface AllocStopResponse {
  EvalID: string;
  Index: number;
}

/**
 * `PUT|POST /v1/allocation/:id/stop`: the allocation's job comes from the read model (the
 * registry checks it against the allocation's stream), then the registry marks it for
 * migration and creates an `alloc-stop` evaluation.
 */
@Injectable()
export class AllocationStop {
  constructor(
    private readonly sender: CommandSender,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
  ) {}

  async stop(
    req: FastifyRequest,
    reply: FastifyReply,
    allocId: string,
  ): Promise<AllocStopResponse> {
    const { rows } = await this.pool.query<{ namespace: string; job_id: string }>(
      'select namespace, job_id from rm_allocations where id = $1',
      [allocId],
    );
    const row = rows[0];
    if (row === undefined) throw notFound(`Unknown allocation "${allocId}"`);
    const payload: StopAllocationPayload = { namespace: row.namespace, jobId: row.job_id, allocId };
    const { index, result } = await this.sender.send(req, 'StopAllocation', payload, {
      namespace: row.namespace,
      // the agent's region, as the job writes name it (JobsApiModule's AGENT_REGION)
      region: process.env.CARAVAN_REGION || 'global',
    });
    setWriteIndex(reply, index);
    return { EvalID: (result as StopAllocationResult).EvalID, Index: index };
  }
}
