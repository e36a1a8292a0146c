/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- e2e assertions read untyped Nomad JSON */
import pg from 'pg';
import type { CaravanUnderTest } from './support/caravan-under-test';
import { startEmbeddedCaravan } from './support/embedded-caravan';
import { http } from './support/jobs-api.helpers';
import { serviceJob, settledIndex, waitFor } from './support/scheduling.helpers';

// `PUT|POST /v1/job/:id/plan` (issue 9): the scheduler's answer to "what if I submitted
// this?", read from the read models, with nothing appended to the log. Every plan is checked
// against the log head itself (es_sequencer), not only against X-Nomad-Index.

describe.each([['embedded', startEmbeddedCaravan]])('job plan dry run, %s', (_mode, start) => {
  let caravan: CaravanUnderTest;
  let db: pg.Client;
  const call = <T = any>(method: string, path: string, body?: unknown) =>
    http<T>(caravan.baseUrl, method, path, body);
  const logHead = async (): Promise<string> =>
    (await db.query<{ last_index: string }>('select last_index::text from es_sequencer')).rows[0]!
      .last_index;

  /**
   * Plans `job` and proves the call appended nothing. The cluster settles first (an earlier
   * register's scheduling and client reports still append), so the plan is the only actor.
   */
  async function plan(job: Record<string, unknown>, diff = false, method = 'PUT') {
    await settledIndex(caravan.baseUrl, '/v1/evaluations', 1_000);
    await settledIndex(caravan.baseUrl, '/v1/allocations', 1_000);
    const before = await logHead();
    const r = await call(method, `/v1/job/${String(job.ID)}/plan`, { Job: job, Diff: diff });
    expect(r.status).toBe(200);
    expect(await logHead()).toBe(before);
    expect(Number(r.headers.get('x-nomad-index'))).toBeLessThanOrEqual(Number(before));
    return r.body;
  }

  beforeAll(async () => {
    caravan = await start();
    db = new pg.Client({ connectionString: caravan.databaseUrl });
    await db.connect();
    await waitFor(
      caravan.baseUrl,
      '/v1/nodes',
      (l: any[]) => l.length === 3 && l.every((n) => n.Status === 'ready'),
    );
  }, 180_000);
  afterAll(async () => {
    await db?.end();
    await caravan?.stop();
  }, 60_000);

  it('a new job of count 2: Place 2, JobModifyIndex 0, no failures, the log untouched', async () => {
    const body = await plan(serviceJob('fresh', 2), false, 'POST');
    expect(body.Annotations).toEqual({
      DesiredTGUpdates: { web: expect.objectContaining({ Place: 2, Stop: 0, Ignore: 0 }) },
      PreemptedAllocs: null,
    });
    expect(body).toMatchObject({
      FailedTGAllocs: null,
      CreatedEvals: null,
      JobModifyIndex: 0,
      NextPeriodicLaunch: '0001-01-01T00:00:00Z',
      Warnings: '',
    });
    expect(body.Diff).toBeNull();
    expect((await call('GET', '/v1/job/fresh')).status).toBe(404);
  }, 60_000);

  it('a job that cannot fit: FailedTGAllocs with DimensionExhausted and a blocked eval', async () => {
    const body = await plan(serviceJob('huge', 1, 1_000_000));
    expect(body.FailedTGAllocs.web.NodesEvaluated).toBe(3);
    expect(body.FailedTGAllocs.web.DimensionExhausted).toEqual({ memory: 3 });
    expect(body.CreatedEvals).toHaveLength(1);
    expect(body.CreatedEvals[0]).toMatchObject({
      JobID: 'huge',
      Status: 'blocked',
      StatusDescription: 'created to place remaining allocations',
    });
    expect((await call('GET', '/v1/evaluations?job=huge')).body).toEqual([]);
  }, 60_000);

  it('Diff: true on an existing job with a changed count: Edited, the count field diff', async () => {
    const reg = await call('PUT', '/v1/jobs', { Job: serviceJob('scaled', 2) });
    expect(reg.status).toBe(200);
    await waitFor(
      caravan.baseUrl,
      '/v1/job/scaled/allocations',
      (l: any[]) => l.length === 2 && l.every((a) => a.ClientStatus === 'running'),
    );
    const body = await plan(serviceJob('scaled', 3), true);
    expect(body.JobModifyIndex).toBe(reg.body.JobModifyIndex);
    expect(body.Annotations.DesiredTGUpdates.web).toMatchObject({ Place: 1, InPlaceUpdate: 2 });
    expect(body.Diff).toMatchObject({ Type: 'Edited', ID: 'scaled' });
    const group = body.Diff.TaskGroups.find((g: any) => g.Name === 'web');
    expect(group.Type).toBe('Edited');
    expect(group.Fields).toContainEqual(
      expect.objectContaining({ Name: 'Count', Type: 'Edited', Old: '2', New: '3' }),
    );
    expect(group.Updates).toMatchObject({ create: 1, 'in-place update': 2 });
  }, 60_000);
  it('the registered spec again: every allocation ignored and a None diff', async () => {
    const body = await plan(serviceJob('scaled', 2), true);
    expect(body.Annotations.DesiredTGUpdates.web).toMatchObject({ Ignore: 2, Place: 0 });
    expect(body.Diff.Type).toBe('None');
    expect(body.CreatedEvals).toBeNull();
  }, 60_000);

  it('an env change on the running job: destructive updates, the task diff says why', async () => {
    const job = serviceJob('scaled', 2);
    (job as any).TaskGroups[0].Tasks[0].Env = { MODE: 'blue' };
    const body = await plan(job, true);
    // the default update block's max_parallel = 1: one replacement per evaluation, as Nomad
    expect(body.Annotations.DesiredTGUpdates.web).toMatchObject({
      DestructiveUpdate: 1,
      Ignore: 1,
      Place: 0,
    });
    const task = body.Diff.TaskGroups[0].Tasks.find((t: any) => t.Name === 'server');
    expect(task.Annotations).toEqual(['forces create/destroy update']);
    expect(task.Fields).toContainEqual(
      expect.objectContaining({ Name: 'Env[MODE]', Type: 'Added', New: 'blue' }),
    );
  }, 60_000);

  it("answers Nomad's plan errors, validation as register does, and only PUT and POST", async () => {
    const mismatch = await call('PUT', '/v1/job/other/plan', { Job: serviceJob('scaled', 2) });
    expect(mismatch).toMatchObject({ status: 400, text: 'Job ID does not match' });
    const noId = await call('PUT', '/v1/job/x/plan', { Job: { Type: 'service' } });
    expect(noId).toMatchObject({ status: 400, text: 'Job must have a valid ID' });
    expect(await call('PUT', '/v1/job/x/plan', { Diff: true })).toMatchObject({
      status: 400,
      text: 'Job must be specified',
    });
    const invalid = await call('PUT', '/v1/job/bad/plan', { Job: serviceJob('bad', -1) });
    expect(invalid.status).toBe(500);
    expect((await call('GET', '/v1/job/scaled/plan')).status).toBe(405);
  }, 60_000);
  it('plan, then register with the returned JobModifyIndex as EnforceIndex (check-and-set)', async () => {
    const fresh = await plan(serviceJob('cas', 1));
    const created = await call('PUT', '/v1/job/cas', {
      Job: serviceJob('cas', 1),
      EnforceIndex: true,
      JobModifyIndex: fresh.JobModifyIndex, // 0: "only if the job does not exist yet"
    });
    expect(created.status).toBe(200);
    const planned = await plan(serviceJob('cas', 2));
    expect(planned.JobModifyIndex).toBe(created.body.JobModifyIndex);
    const ok = await call('PUT', '/v1/job/cas', {
      Job: serviceJob('cas', 2),
      EnforceIndex: true,
      JobModifyIndex: planned.JobModifyIndex,
    });
    expect(ok.status).toBe(200);
    const stale = await call('PUT', '/v1/job/cas', {
      Job: serviceJob('cas', 3),
      EnforceIndex: true,
      JobModifyIndex: planned.JobModifyIndex,
    });
    expect(stale.status).toBe(500);
    expect(stale.text).toContain('Enforcing job modify index');
  }, 60_000);
});
