import { Inject, Injectable } from '@nestjs/common';
import type { NomadNodeJson } from '@caravan/read-models';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type pg from 'pg';
import { BlockingQueries } from '../blocking/blocking-queries.service';
import { notFound } from '../errors/nomad-coded.error';
import { PG_POOL } from '../gateway.tokens';
import type { QueryParams } from '../http/query-options';
import { setQueryMeta } from '../http/query-meta';
import { checkStale } from '../job-reads/job-query-params';
import { flag, listParams } from './list-params';
import { toNodeStub } from './node-stub';
import { keysetPage, readOne } from './pg-keyset';

// GET /v1/nodes (prefix, os, resources, keyset pages) and GET /v1/node/:id. Nodes belong to
// no namespace.

const NODE_TABLES = ['rm_nodes'] as const;

@Injectable()
export class NodeReads {
  constructor(
    private readonly blocking: BlockingQueries,
    @Inject(PG_POOL) private readonly pool: pg.Pool,
  ) {}

  async list(req: FastifyRequest, reply: FastifyReply): Promise<unknown[]> {
    const p = listParams(req);
    const { index, body } = await this.blocking.query(req, NODE_TABLES, () =>
      keysetPage<{ k: string; doc: NomadNodeJson }>(this.pool, {
        tables: NODE_TABLES,
        from: 'rm_nodes n',
        key: 'n.id',
        select: 'n.node as doc',
        prefix: p.prefix,
        perPage: p.perPage,
        nextToken: p.nextToken,
      }),
    );
    setQueryMeta(reply, index);
    if (body.nextToken !== '') void reply.header('X-Nomad-NextToken', body.nextToken);
    const os = flag(p.query, 'os', false);
    const resources = flag(p.query, 'resources', false);
    return body.rows.map((r) => toNodeStub(r.doc, os, resources));
  }

  async read(req: FastifyRequest, reply: FastifyReply, id: string): Promise<NomadNodeJson> {
    checkStale(req.query as QueryParams);
    const { index, body } = await this.blocking.query(req, NODE_TABLES, () =>
      readOne<NomadNodeJson>(
        this.pool,
        NODE_TABLES,
        'select modify_index, node as doc from rm_nodes where id = $2',
        [id],
      ),
    );
    setQueryMeta(reply, index);
    if (body === null) throw notFound('node not found');
    return body;
  }
}
