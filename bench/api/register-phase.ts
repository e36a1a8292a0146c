import { closedLoop, type LoadResult } from '../bench-load';
import { HttpClient } from './http-client';
import { jobId, registerBody } from './service-job';

/** Hands out job numbers across phases, so every registered job is distinct. */
export class JobCounter {
  next = 0;
  take(): number {
    return this.next++;
  }
}

export interface RegisterResult extends LoadResult {
  errors: number;
  firstError?: string;
}

/** `PUT /v1/jobs` with distinct small service jobs from `concurrency` keep-alive connections. */
export async function registerLoad(
  baseUrl: string,
  concurrency: number,
  seconds: number,
  counter: JobCounter,
): Promise<RegisterResult> {
  const client = new HttpClient(baseUrl, concurrency);
  let errors = 0;
  let firstError: string | undefined;
  try {
    const result = await closedLoop(concurrency, seconds, async () => {
      const res = await client.send('PUT', '/v1/jobs', registerBody(jobId(counter.take())));
      if (res.status !== 200) {
        errors++;
        firstError ??= `${res.status} ${res.body.slice(0, 300)}`;
      }
    });
    return { ...result, errors, firstError };
  } finally {
    client.close();
  }
}

/** Registers jobs until `total` exist (not measured): the list benchmark's data set. */
export async function seedJobs(baseUrl: string, total: number, counter: JobCounter): Promise<void> {
  const client = new HttpClient(baseUrl, 32);
  try {
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (counter.next < total)
          await client.ok('PUT', '/v1/jobs', registerBody(jobId(counter.take())));
      }),
    );
  } finally {
    client.close();
  }
}
