import type { FastifyRequest } from 'fastify';
import type { IndexHub } from '../index-hub/index-hub';
import { BlockingQueries } from './blocking-queries.service';

// Single flight: identical reads in flight together share one run, keyed by the table index
// seen before the run, so a joiner never receives data older than what woke it.

function request(url: string): FastifyRequest {
  const query = Object.fromEntries(new URLSearchParams(url.split('?')[1] ?? ''));
  return {
    url,
    method: 'GET',
    query,
    headers: {},
    raw: { socket: { once: () => undefined, removeListener: () => undefined } },
  } as unknown as FastifyRequest;
}

describe('BlockingQueries single flight', () => {
  let tableIndex = 5;
  const hub = {
    maxIndex: () => tableIndex,
    waitForTables: async () => tableIndex,
  } as unknown as IndexHub;

  it('runs identical concurrent reads once and gives each the same result', async () => {
    const queries = new BlockingQueries(hub);
    let runs = 0;
    const read = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 10));
      return { index: 5, body: { ID: 'web' } };
    };
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, k) =>
        queries.query(request(`/v1/job/web?wait=${k}s`), ['rm_jobs'], read),
      ),
    );
    expect(runs).toBe(1);
    expect(new Set(results.map((r) => r.body)).size).toBe(1);
  });

  it('does not share between different reads or across an index move', async () => {
    const queries = new BlockingQueries(hub);
    let runs = 0;
    const read = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 10));
      return { index: tableIndex, body: {} };
    };
    const first = queries.query(request('/v1/job/web'), ['rm_jobs'], read);
    const other = queries.query(request('/v1/job/api'), ['rm_jobs'], read);
    tableIndex = 6;
    const afterMove = queries.query(request('/v1/job/web'), ['rm_jobs'], read);
    await Promise.all([first, other, afterMove]);
    expect(runs).toBe(3);
  });
});
