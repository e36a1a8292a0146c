import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { IndexHub } from '../index-hub/index-hub';
import { parseBlockingOptions, type QueryParams } from '../http/query-options';
import { INDEX_HUB } from '../gateway.tokens';
import { blockingQuery, type QueryResult } from './blocking-query';

/** The request-facing form of blockingQuery: parses `index`/`wait` and stops when the client leaves. */
@Injectable()
export class BlockingQueries {
  constructor(@Inject(INDEX_HUB) private readonly hub: IndexHub) {}

  async query<T>(
    req: FastifyRequest,
    tables: readonly string[],
    run: () => Promise<QueryResult<T>>,
  ): Promise<QueryResult<T>> {
    const options = parseBlockingOptions(req.query as QueryParams);
    if (options.minIndex === 0) return blockingQuery({ hub: this.hub }, options, tables, run);
    // A closed socket means nobody will read the answer: release the waiter early.
    const socket = req.raw.socket;
    const aborter = new AbortController();
    const onClose = (): void => aborter.abort();
    socket.once('close', onClose);
    try {
      return await blockingQuery({ hub: this.hub }, options, tables, run, aborter.signal);
    } finally {
      socket.removeListener('close', onClose);
    }
  }
}
