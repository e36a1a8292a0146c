import { Inject, Injectable } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { IndexHub } from '../index-hub/index-hub';
import { parseBlockingOptions, type QueryParams } from '../http/query-options';
import { INDEX_HUB } from '../gateway.tokens';
import { blockingQuery, type QueryResult } from './blocking-query';
import { ResultMemo } from './result-memo';

/** Query parameters that only steer the wait, not what is read. */
const WAIT_PARAMS = new Set(['index', 'wait', 'stale', 'pretty']);

/**
 * The request-facing form of blockingQuery: parses `index`/`wait` and stops when the client
 * leaves. Identical reads share one run ("single flight"): when a change wakes thousands of
 * waiters on the same job, they read it once. Sharing is keyed by the table index seen before
 * the run, so a joiner never gets a result older than what it has already been told about.
 */
/** Bytes of memoized results per gateway process (a 10,000-job list is about 6 MB). */
const MEMO_BYTES = 64 * 1024 * 1024;

@Injectable()
export class BlockingQueries {
  private readonly flights = new Map<string, Promise<QueryResult<unknown>>>();
  private readonly memo = new ResultMemo(MEMO_BYTES);

  constructor(@Inject(INDEX_HUB) private readonly hub: IndexHub) {}

  async query<T>(
    req: FastifyRequest,
    tables: readonly string[],
    read: () => Promise<QueryResult<T>>,
    /** keep results (large lists) by table index; the body's size in bytes */
    memoSize?: (body: T) => number,
  ): Promise<QueryResult<T>> {
    const options = parseBlockingOptions(req.query as QueryParams);
    const key = flightKey(req);
    const run = (): Promise<QueryResult<T>> => {
      const flight = `${key}@${this.hub.maxIndex(tables)}`;
      const kept = memoSize ? this.memo.get<T>(flight) : undefined;
      if (kept) return Promise.resolve(kept);
      const shared = this.flights.get(flight) as Promise<QueryResult<T>> | undefined;
      if (shared) return shared;
      const started = read()
        .then((result) => {
          // Stored under the index the hub had: the result is that state or a newer one.
          if (memoSize) this.memo.set(flight, result, memoSize(result.body));
          return result;
        })
        .finally(() => this.flights.delete(flight));
      this.flights.set(flight, started);
      return started;
    };
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

function flightKey(req: FastifyRequest): string {
  const [path = '', search = ''] = req.url.split('?', 2);
  const params = new URLSearchParams(search);
  const kept = [...params].filter(([name]) => !WAIT_PARAMS.has(name)).sort();
  const token = req.headers['x-nomad-token'] ?? req.headers.authorization ?? '';
  return `${req.method} ${path}?${new URLSearchParams(kept).toString()} ${String(token)}`;
}
