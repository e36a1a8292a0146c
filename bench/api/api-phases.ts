import type { BenchRow } from '../bench-report';
import type { BenchTarget } from './bench-target';
import { blockingWake } from './blocking-phase';
import { HttpClient } from './http-client';
import type { PhaseRunner } from './phase-runner';
import { commitLatency } from './pg-commit';
import { jobReadCapacity, jobReadLoad, listLoad } from './read-phases';
import { JobCounter, registerLoad, seedJobs } from './register-phase';
import * as rows from './report-rows';
import { jobId, registerBody } from './service-job';

// The measured phases, baseline first then gateway for each measure. The gateway's register
// phases run before everything else: they create the jobs the later phases read, and the
// baseline serves those jobs' JSON.

/** The page size of the paged list measurement (Nomad's UI and CLI page the jobs list). */
const PER_PAGE = 100;

export interface ApiBenchSettings {
  seconds: number;
  listJobs: number;
  waiters: number;
  readRate: number;
  concurrencies: number[];
  prefix: string;
  /** subset of register, read, list, wake (all when empty) */
  phases: string[];
  databaseUrl: string;
}

export async function measureAll(
  gw: BenchTarget,
  base: BenchTarget,
  phase: PhaseRunner,
  s: ApiBenchSettings,
): Promise<BenchRow[]> {
  const wanted = (name: string): boolean => s.phases.length === 0 || s.phases.includes(name);
  const out: BenchRow[] = [];
  const both = [base, gw] as const;
  const counter = new JobCounter();
  const gatewayRegisters: BenchRow[] = [];
  if (wanted('register')) {
    await registerLoad(gw.baseUrl, 16, 2, counter); // warm-up, not measured
    for (const c of s.concurrencies) {
      gatewayRegisters.push(
        ...(await phase.run(`gateway PUT /v1/jobs c=${c}`, async () =>
          rows.registerRows(c, await registerLoad(gw.baseUrl, c, s.seconds, counter), true),
        )),
      );
    }
  }
  await seedJobs(gw.baseUrl, s.listJobs, counter);
  await installBodies(gw.baseUrl, base.baseUrl, s.prefix);
  if (wanted('register')) {
    out.push(...rows.commitRows(await commitLatency(s.databaseUrl, 2)));
    const baseCounter = new JobCounter();
    await registerLoad(base.baseUrl, 16, 2, baseCounter); // warm-up, not measured
    for (const c of s.concurrencies) {
      out.push(
        ...(await phase.run(`bare fastify PUT /v1/jobs c=${c}`, async () =>
          rows.registerRows(c, await registerLoad(base.baseUrl, c, s.seconds, baseCounter), false),
        )),
      );
    }
    out.push(...gatewayRegisters);
  }
  const ids = Array.from({ length: counter.next }, (_, i) => jobId(i));
  for (const t of wanted('read') ? both : []) {
    const gateway = t === gw;
    out.push(
      ...(await phase.run(`${t.label} GET /v1/job/:id @${s.readRate}/s`, async () =>
        rows.jobReadRows(
          s.readRate,
          await jobReadLoad(t.baseUrl, ids, s.readRate, s.seconds),
          gateway,
        ),
      )),
      ...(await phase.run(`${t.label} GET /v1/job/:id c=16`, async () =>
        rows.capacityRows(await jobReadCapacity(t.baseUrl, ids, s.seconds), gateway),
      )),
    );
  }
  const lists: [string, boolean][] = [
    ['', false],
    [`?prefix=${s.prefix}`, false],
    [`?per_page=${PER_PAGE}`, false],
    ['', true],
    [`?per_page=${PER_PAGE}`, true],
  ];
  for (const [query, vary] of wanted('list') ? lists : []) {
    for (const t of both) {
      const path = `/v1/jobs${query}`;
      const label = `GET ${path}${vary ? ' (new query string each time)' : ''}`;
      out.push(
        ...(await phase.run(`${t.label} ${label}`, async () =>
          rows.listRows(label, await listLoad(t.baseUrl, path, s.seconds, vary), t === gw),
        )),
      );
    }
  }
  for (const t of wanted('wake') ? both : []) {
    out.push(
      ...(await phase.run(`${t.label} wake-up`, async () =>
        rows.wakeRows(await blockingWake(t, jobId(0), s.waiters), t === gw),
      )),
    );
  }
  out.push(phase.busiestRow());
  return out;
}

/** The baseline answers with the JSON the gateway answered for the same requests. */
async function installBodies(
  gatewayUrl: string,
  baselineUrl: string,
  prefix: string,
): Promise<void> {
  const client = new HttpClient(gatewayUrl, 1);
  const body = async (method: string, path: string, payload?: string): Promise<unknown> =>
    JSON.parse((await client.ok(method, path, payload)).body);
  const bodies = {
    register: await body('PUT', '/v1/jobs', registerBody(jobId(0))),
    job: await body('GET', `/v1/job/${jobId(0)}`),
    list: await body('GET', '/v1/jobs'),
    listPrefix: await body('GET', `/v1/jobs?prefix=${prefix}`),
    listPage: await body('GET', `/v1/jobs?per_page=${PER_PAGE}`),
  };
  client.close();
  const baseline = new HttpClient(baselineUrl, 1);
  await baseline.ok('PUT', '/bench/bodies', JSON.stringify(bodies));
  baseline.close();
}
