import { Inject, Injectable } from '@nestjs/common';
import type { NomadEvaluation } from '@caravan/read-models';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type pg from 'pg';
import { BlockingQueries } from '../blocking/blocking-queries.service';
import { notFound } from '../errors/nomad-coded.error';
import { PG_POOL } from '../gateway.tokens';
import { firstParam, type QueryParams } from '../http/query-options';
import { setQueryMeta } from '../http/query-meta';
import { checkStale } from '../job-reads/job-query-params';
import { listParams } from './list-params';
import { keysetPage, readOne } from './pg-keyset';

// GET /v1/evaluations (prefix, job, status, keyset pages) and GET /v1/evaluation/:id.

const EVAL_TABLES = ['rm_evaluations'] as const;

@Injectable()
export class EvaluationReads {
  constructor(
    private readonly blocking: BlockingQueries,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
  ) {}

  async list(req: FastifyRequest, reply: FastifyReply): Promise<NomadEvaluation[]> {
    const p = listParams(req);
    const conds: string[] = [];
    const params: unknown[] = [];
    const add = (sql: string, value: string): void => {
      if (value === '') return;
      params.push(value);
      conds.push(sql.replace('?', `$${params.length}`));
    };
    if (p.namespace !== '*') add('e.namespace = ?', p.namespace);
    add('e.job_id = ?', firstParam(p.query, 'job'));
    add('e.status = ?', firstParam(p.query, 'status'));
    const { index, body } = await this.blocking.query(req, EVAL_TABLES, () =>
      keysetPage<{ k: string; doc: NomadEvaluation }>(this.pool, {
        tables: EVAL_TABLES,
        from: 'rm_evaluations e',
        key: 'e.id',
        select: 'e.evaluation as doc',
        where: conds.length ? { sql: conds.join(' and '), params } : undefined,
        prefix: p.prefix,
        perPage: p.perPage,
        nextToken: p.nextToken,
      }),
    );
    setQueryMeta(reply, index);
    if (body.nextToken !== '') void reply.header('X-Nomad-NextToken', body.nextToken);
    return body.rows.map((r) => r.doc);
  }

  async read(req: FastifyRequest, reply: FastifyReply, id: string): Promise<NomadEvaluation> {
    checkStale(req.query as QueryParams);
    const { index, body } = await this.blocking.query(req, EVAL_TABLES, () =>
      readOne<NomadEvaluation>(
        this.pool,
        EVAL_TABLES,
        'select modify_index, evaluation as doc from rm_evaluations where id = $2',
        [id],
      ),
    );
    setQueryMeta(reply, index);
    if (body === null) throw notFound('eval not found');
    return body;
  }
}
