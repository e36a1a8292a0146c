// Helpers for the scheduling e2e suites: jobs that fit the simulated nodes (or not), and
// blocking-query polling until a condition holds.
import { http } from './jobs-api.helpers';

export function serviceJob(id: string, count: number, memoryMB = 64): Record<string, unknown> {
  return {
    ID: id,
    Type: 'service',
    Datacenters: ['dc1'],
    TaskGroups: [
      {
        Name: 'web',
        Count: count,
        Tasks: [
          {
            Name: 'server',
            Driver: 'docker',
            Config: { image: 'nginx' },
            Resources: { CPU: 100, MemoryMB: memoryMB },
          },
        ],
      },
    ],
  };
}

export function shortBatchJob(
  id: string,
  config: Record<string, unknown> = {},
  group: Record<string, unknown> = {},
) {
  return {
    ID: id,
    Type: 'batch',
    Datacenters: ['dc1'],
    TaskGroups: [
      {
        Name: 'work',
        Count: 1,
        Tasks: [
          {
            Name: 'run',
            Driver: 'exec',
            Config: { command: '/bin/true', run_for: '300ms', ...config },
            Resources: { CPU: 100, MemoryMB: 64 },
          },
        ],
        ...group,
      },
    ],
  };
}

/**
 * GETs `path` with blocking queries (index from the last answer) until `done(body)` holds;
 * returns the body. Fails with the last body after `timeoutMs`.
 */
export async function waitFor<T>(
  baseUrl: string,
  path: string,
  done: (body: T) => boolean,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let index = 0;
  let last: T | undefined;
  while (Date.now() < deadline) {
    const sep = path.includes('?') ? '&' : '?';
    const r = await http<T>(baseUrl, 'GET', `${path}${sep}index=${index}&wait=1s`);
    last = r.body;
    if (r.status === 200 && done(r.body)) return r.body;
    index = Number(r.headers.get('x-nomad-index') ?? 0);
  }
  const shown = JSON.stringify(last, (_key, v: unknown) =>
    typeof v === 'bigint' ? v.toString() : v,
  );
  throw new Error(`timed out waiting on ${path}; last body: ${shown}`);
}

/**
 * The index of `path` once nothing has changed it for `quietMs`: the scheduler and the
 * simulated clients keep working on earlier registrations for a while (a batch job runs ~1 s),
 * so tests that assert "nothing changed" first wait for the cluster to settle.
 */
export async function settledIndex(
  baseUrl: string,
  path: string,
  quietMs = 1_500,
): Promise<string> {
  const sep = path.includes('?') ? '&' : '?';
  let index = (await http(baseUrl, 'GET', path)).headers.get('x-nomad-index') ?? '0';
  for (let round = 0; round < 20; round++) {
    const r = await http(baseUrl, 'GET', `${path}${sep}index=${index}&wait=${quietMs}ms`);
    const next = r.headers.get('x-nomad-index') ?? '0';
    if (next === index) return index;
    index = next;
  }
  throw new Error(`${path} never settled`);
}
