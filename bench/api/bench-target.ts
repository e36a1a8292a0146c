import { HttpClient } from './http-client';

/** A server under measurement: the gateway, or the bare Fastify baseline. */
export interface BenchTarget {
  label: string;
  baseUrl: string;
  pid: number;
  /** how many blocking queries the server has parked right now */
  parked(): Promise<number>;
}

export function gatewayTarget(baseUrl: string, pid: number): BenchTarget {
  const client = new HttpClient(baseUrl, 1);
  return {
    label: 'gateway',
    baseUrl,
    pid,
    parked: async () => {
      // The index hub's gauge: blocking queries and read-your-writes waits parked on it.
      const res = await client.ok('GET', '/v1/metrics?format=prometheus');
      return Number(/^caravan_index_waiters(?:\{[^}]*\})? (\d+)/m.exec(res.body)?.[1] ?? 0);
    },
  };
}

export function baselineTarget(baseUrl: string, pid: number): BenchTarget {
  const client = new HttpClient(baseUrl, 1);
  return {
    label: 'bare fastify',
    baseUrl,
    pid,
    parked: async () =>
      (JSON.parse((await client.ok('GET', '/bench/parked')).body) as { parked: number }).parked,
  };
}
