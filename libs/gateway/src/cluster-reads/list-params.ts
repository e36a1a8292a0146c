import type { FastifyRequest } from 'fastify';
import { firstParam, type QueryParams } from '../http/query-options';
import {
  checkStale,
  goParseBool,
  namespaceParam,
  perPageParam,
} from '../job-reads/job-query-params';

/** The parameters every cluster list shares (Nomad's QueryOptions for lists). */
export interface ListParams {
  query: QueryParams;
  /** '*' = every namespace */
  namespace: string;
  prefix: string;
  perPage: number;
  nextToken: string;
}

export function listParams(req: FastifyRequest): ListParams {
  const query = req.query as QueryParams;
  checkStale(query);
  return {
    query,
    namespace: namespaceParam(query),
    prefix: firstParam(query, 'prefix'),
    perPage: perPageParam(query),
    nextToken: firstParam(query, 'next_token'),
  };
}

/** A boolean flag with a default (Go's strconv.ParseBool, unparseable = default). */
export function flag(query: QueryParams, name: string, fallback: boolean): boolean {
  return goParseBool(firstParam(query, name)) ?? fallback;
}

/** `namespace = $1` unless every namespace was asked for. */
export function namespaceWhere(
  column: string,
  namespace: string,
): { sql: string; params: unknown[] } | undefined {
  return namespace === '*' ? undefined : { sql: `${column} = $1`, params: [namespace] };
}
