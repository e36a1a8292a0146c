import { closedLoop, type LoadResult } from '../bench-load';
import { HttpClient } from './http-client';
import { openLoop, type OpenLoopResult } from './open-loop';

/**
 * `GET /v1/job/:id` at a fixed rate (open loop) over the given ids. Sockets are plentiful so a
 * stall queues requests in flight rather than in the client.
 */
export async function jobReadLoad(
  baseUrl: string,
  ids: string[],
  rate: number,
  seconds: number,
): Promise<OpenLoopResult> {
  const client = new HttpClient(baseUrl, 256);
  const read = async (i: number): Promise<void> => {
    const id = ids[(i * 7919) % ids.length]!;
    await client.ok('GET', `/v1/job/${encodeURIComponent(id)}`);
  };
  try {
    // Warm-up at the same rate, not measured: JIT, the server's pool connections, our sockets.
    await openLoop(rate, 2, read);
    return await openLoop(rate, seconds, read);
  } finally {
    client.close();
  }
}

export interface ListResult extends LoadResult {
  entries: number;
  bytes: number;
}

/**
 * `GET /v1/jobs[?prefix=]` back to back on one connection: the latency of one list. `vary`
 * appends a new ignored parameter to every request, so the gateway cannot answer from what it
 * kept for an earlier identical request at the same index: the cost of reading the list.
 */
export async function listLoad(
  baseUrl: string,
  path: string,
  seconds: number,
  vary = false,
): Promise<ListResult> {
  const client = new HttpClient(baseUrl, 1);
  const joiner = path.includes('?') ? '&' : '?';
  const pathOf = (i: number): string => (vary ? `${path}${joiner}bench_request=${i}` : path);
  try {
    const first = await client.ok('GET', pathOf(0));
    const result = await closedLoop(1, seconds, async (_w, i) => {
      await client.ok('GET', pathOf(i + 1));
    });
    return {
      ...result,
      entries: (JSON.parse(first.body) as unknown[]).length,
      bytes: first.body.length,
    };
  } finally {
    client.close();
  }
}

/** `GET /v1/job/:id` as fast as 16 connections go: the rate the server can sustain. */
export async function jobReadCapacity(
  baseUrl: string,
  ids: string[],
  seconds: number,
): Promise<LoadResult> {
  const client = new HttpClient(baseUrl, 16);
  try {
    return await closedLoop(16, seconds, async (w, i) => {
      const id = ids[(w * 7919 + i * 104729) % ids.length]!;
      await client.ok('GET', `/v1/job/${encodeURIComponent(id)}`);
    });
  } finally {
    client.close();
  }
}
