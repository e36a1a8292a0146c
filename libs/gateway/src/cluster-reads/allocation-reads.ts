import { Inject, Injectable } from '@nestjs/common';
import type { NomadAllocation } from '@caravan/read-models';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type pg from 'pg';
import { BlockingQueries } from '../blocking/blocking-queries.service';
import { notFound } from '../errors/nomad-coded.error';
import { PG_POOL } from '../gateway.tokens';
import { setQueryMeta } from '../http/query-meta';
import { checkStale, lenientBoolParam, namespaceParam } from '../job-reads/job-query-params';
import type { QueryParams } from '../http/query-options';
import { toAllocStub } from './alloc-stub';
import { flag, listParams, namespaceWhere } from './list-params';
import { keysetPage, readOne, type KeysetQuery } from './pg-keyset';

// Allocation reads: GET /v1/allocations, /v1/allocation/:id, and the allocation lists of a
// job, an evaluation and a node. Lists serve Nomad's AllocListStub; the job's type comes from
// rm_jobs, the job itself (single reads) from the version the allocation runs.

export const ALLOC_TABLES = ['rm_allocations'] as const;

const FROM = `rm_allocations a left join rm_jobs j on j.namespace = a.namespace and j.id = a.job_id`;
const SELECT = `a.allocation as doc, a.job_version as v, coalesce(j.type, 'service') as t`;
const FROM_WITH_JOB = `rm_allocations a left join rm_job_versions jv
  on jv.namespace = a.namespace and jv.job_id = a.job_id and jv.version = a.job_version`;
const DOC_WITH_JOB = `a.allocation || jsonb_build_object('Job', jv.job)`;

interface AllocRow {
  k: string;
  doc: NomadAllocation;
  v: number;
  t: string;
}

@Injectable()
export class AllocationReads {
  constructor(
    private readonly blocking: BlockingQueries,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
  ) {}

  /** GET /v1/allocations: prefix, namespace, resources, task_states, keyset pages. */
  async list(req: FastifyRequest, reply: FastifyReply): Promise<unknown[]> {
    const p = listParams(req);
    const resources = flag(p.query, 'resources', false);
    const taskStates = flag(p.query, 'task_states', true);
    const rows = await this.page(req, reply, {
      tables: ALLOC_TABLES,
      from: FROM,
      key: 'a.id',
      select: SELECT,
      where: namespaceWhere('a.namespace', p.namespace),
      prefix: p.prefix,
      perPage: p.perPage,
      nextToken: p.nextToken,
    });
    return rows.map((r) => {
      const stub = toAllocStub(r.doc, r.t, r.v, resources);
      return taskStates ? stub : { ...stub, TaskStates: null };
    });
  }

  /** GET /v1/job/:id/allocations: only the job's current incarnation unless `all`. */
  async ofJob(req: FastifyRequest, reply: FastifyReply, jobId: string): Promise<unknown[]> {
    const query = req.query as QueryParams;
    checkStale(query);
    const namespace = namespaceParam(query);
    const all = lenientBoolParam(query, 'all');
    if (jobId === '') throw new Error('missing job ID');
    // An earlier incarnation's allocations were created before the job's CreateIndex.
    const incarnation = all ? '' : ' and a.create_index >= coalesce(j.create_index, 0)';
    const rows = await this.page(req, reply, {
      tables: ALLOC_TABLES,
      from: FROM,
      key: 'a.id',
      select: SELECT,
      where: {
        sql: `a.namespace = $1 and a.job_id = $2${incarnation}`,
        params: [namespace, jobId],
      },
    });
    return rows.map((r) => toAllocStub(r.doc, r.t, r.v, false));
  }

  /** GET /v1/evaluation/:id/allocations: stubs. */
  async ofEvaluation(req: FastifyRequest, reply: FastifyReply, evalId: string): Promise<unknown[]> {
    checkStale(req.query as QueryParams);
    const where = { sql: 'a.eval_id = $1', params: [evalId] };
    const rows = await this.page(req, reply, {
      tables: ALLOC_TABLES,
      from: FROM,
      key: 'a.id',
      select: SELECT,
      where,
    });
    return rows.map((r) => toAllocStub(r.doc, r.t, r.v, false));
  }

  /** GET /v1/node/:id/allocations: full allocations (Nomad's Node.GetAllocs), with Job. */
  async ofNode(req: FastifyRequest, reply: FastifyReply, nodeId: string): Promise<unknown[]> {
    checkStale(req.query as QueryParams);
    const rows = await this.page<{ k: string; doc: NomadAllocation }>(req, reply, {
      tables: ALLOC_TABLES,
      from: FROM_WITH_JOB,
      key: 'a.id',
      select: `${DOC_WITH_JOB} as doc`,
      where: { sql: 'a.node_id = $1', params: [nodeId] },
    });
    return rows.map((r) => r.doc);
  }

  /** GET /v1/allocation/:id: the full allocation with Metrics and Job. */
  async read(req: FastifyRequest, reply: FastifyReply, id: string): Promise<NomadAllocation> {
    checkStale(req.query as QueryParams);
    const { index, body } = await this.blocking.query(req, ALLOC_TABLES, () =>
      readOne<NomadAllocation>(
        this.pool,
        ALLOC_TABLES,
        `select a.modify_index, ${DOC_WITH_JOB} as doc from ${FROM_WITH_JOB} where a.id = $2`,
        [id],
      ),
    );
    setQueryMeta(reply, index);
    if (body === null) throw notFound('alloc not found');
    return body;
  }

  private async page<Row extends { k: string } = AllocRow>(
    req: FastifyRequest,
    reply: FastifyReply,
    q: KeysetQuery,
  ): Promise<Row[]> {
    const { index, body } = await this.blocking.query(req, q.tables, () =>
      keysetPage<Row>(this.pool, q),
    );
    setQueryMeta(reply, index);
    if (body.nextToken !== '') void reply.header('X-Nomad-NextToken', body.nextToken);
    return body.rows;
  }
}
