/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- e2e assertions read untyped Nomad JSON */
import type { CaravanUnderTest } from './support/caravan-under-test';
import { startDistributedCaravan } from './support/distributed-caravan';
import { startEmbeddedCaravan } from './support/embedded-caravan';
import { settledIndex } from './support/scheduling.helpers';
import { batchJob, http } from './support/jobs-api.helpers';

// Nomad's exact status and plain-text body for every error case of the Jobs API, and
// blocking queries on the job endpoints, against both topologies.

describe.each([
  ['embedded', startEmbeddedCaravan],
  ['distributed (Kafka)', startDistributedCaravan],
])('Jobs API errors and blocking queries, %s', (_mode, start) => {
  let caravan: CaravanUnderTest;
  const call = <T = any>(method: string, path: string, body?: unknown) =>
    http<T>(caravan.baseUrl, method, path, body);
  const expectError = async (
    method: string,
    path: string,
    body: unknown,
    status: number,
    text: string,
  ) => {
    const res = await call(method, path, body);
    expect({ status: res.status, text: res.text }).toEqual({ status, text });
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
  };

  beforeAll(async () => {
    caravan = await start();
    const res = await call('POST', '/v1/jobs', { Job: batchJob('known') });
    expect(res.status).toBe(200);
  }, 120_000);
  afterAll(async () => caravan?.stop(), 60_000);

  it.each([
    ['empty body', undefined, 400, 'Request body is empty'],
    ['whitespace body', '  ', 400, 'EOF'],
    ['null body', 'null', 400, 'Job must be specified'],
    ['missing Job', {}, 400, 'Job must be specified'],
    ['missing ID', { Job: { Name: 'x' } }, 400, "Job ID hasn't been provided"],
    [
      'eval priority out of range',
      { Job: batchJob('p'), EvalPriority: 101 },
      400,
      'Eval priority must be between 1 and 100 inclusively',
    ],
    [
      'wrong JSON type',
      { Job: { ID: 'x', Priority: 'high' } },
      400,
      'json: cannot unmarshal string into Go struct field JobRegisterRequest.Job.Priority of type int',
    ],
    [
      'wrong top-level type',
      { Job: batchJob('x'), EnforceIndex: 'yes' },
      400,
      'json: cannot unmarshal string into Go struct field JobRegisterRequest.EnforceIndex of type bool',
    ],
    [
      'empty ID (and so an empty Name)',
      { Job: batchJob('') },
      500,
      '2 errors occurred:\n\t* Missing job ID\n\t* Missing job name\n\n',
    ],
  ])('register: %s', async (_name, body, status, text) => {
    await expectError('POST', '/v1/jobs', body, status, text);
  });

  it('register: id mismatch, and several validation errors at once', async () => {
    await expectError(
      'PUT',
      '/v1/job/other',
      { Job: batchJob('known') },
      400,
      'Job ID does not match name',
    );
    await expectError(
      'POST',
      '/v1/jobs',
      { Job: { ID: 'bad job', Type: 'nope', Priority: 500 } },
      500,
      '4 errors occurred:\n\t* Job ID contains a space\n\t* Invalid job type: "nope"\n\t* Missing job task groups\n\t* job priority must be between [1, 100]\n\n',
    );
  });

  it('register: keys bind case-insensitively and unknown keys are ignored', async () => {
    const res = await call('POST', '/v1/jobs', {
      job: {
        id: 'lower',
        type: 'batch',
        taskgroups: [{ name: 'g', TASKS: [{ NAME: 't', driver: 'exec' }] }],
        Bogus: 1,
      },
      Unknown: true,
    });
    expect(res.status).toBe(200);
    const job = (await call('GET', '/v1/job/lower')).body;
    expect(job.TaskGroups[0].Tasks[0]).toMatchObject({ Name: 't', Driver: 'exec' });
    expect('Bogus' in job).toBe(false);
  });

  it('register: a U+0000 anywhere in the body is a 400 and changes nothing', async () => {
    const index = await settledIndex(caravan.baseUrl, '/v1/jobs');
    await expectError(
      'POST',
      '/v1/jobs',
      '{"Job": {"ID": "nul", "Type": "batch", "Meta": {"k": "a\\u0000b"}, "TaskGroups": []}}',
      400,
      'request body contains the character U+0000 at Job.Meta.k, which Caravan cannot store (PostgreSQL jsonb rejects it)',
    );
    expect((await call('GET', '/v1/job/nul')).status).toBe(404);
    expect((await call('GET', '/v1/jobs')).headers.get('x-nomad-index')).toBe(index);
  });

  it('register: EnforceIndex conflicts are 500s with Nomad text', async () => {
    const current = (await call('GET', '/v1/job/known')).body;
    await expectError(
      'POST',
      '/v1/jobs',
      { Job: batchJob('known'), EnforceIndex: true, JobModifyIndex: 0 },
      500,
      'Enforcing job modify index 0: job already exists',
    );
    await expectError(
      'POST',
      '/v1/jobs',
      { Job: batchJob('known'), EnforceIndex: true, JobModifyIndex: current.JobModifyIndex + 1000 },
      500,
      `Enforcing job modify index ${current.JobModifyIndex + 1000}: job exists with conflicting job modify index: ${current.JobModifyIndex}`,
    );
    await expectError(
      'POST',
      '/v1/jobs',
      { Job: batchJob('fresh'), EnforceIndex: true, JobModifyIndex: 5 },
      500,
      'Enforcing job modify index 5: job does not exist',
    );
  });

  it('unknown job on each endpoint answers as Nomad does', async () => {
    await expectError('GET', '/v1/job/ghost', undefined, 404, 'job not found');
    await expectError('GET', '/v1/job/ghost/summary', undefined, 404, 'job not found');
    await expectError('GET', '/v1/job/ghost/versions', undefined, 404, 'job versions not found');
    await expectError('POST', '/v1/job/ghost/evaluate', { JobID: 'ghost' }, 500, 'job not found');
    await expectError(
      'POST',
      '/v1/job/ghost/revert',
      { JobID: 'ghost', JobVersion: 0 },
      500,
      'job "ghost" not found',
    );
    await expectError(
      'POST',
      '/v1/job/ghost/stable',
      { JobID: 'ghost', JobVersion: 0, Stable: true },
      500,
      'job "ghost" in namespace "default" at version 0 not found',
    );
    for (const path of ['evaluations', 'allocations', 'deployments']) {
      const res = await call('GET', `/v1/job/ghost/${path}`);
      expect({ status: res.status, body: res.body }).toEqual({ status: 200, body: [] });
    }
    const latest = await call('GET', '/v1/job/ghost/deployment');
    expect({ status: latest.status, text: latest.text }).toEqual({ status: 200, text: 'null' });
    const deleted = await call('DELETE', '/v1/job/ghost');
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({
      EvalID: '',
      EvalCreateIndex: 0,
      JobModifyIndex: 0,
      Index: 0,
    });
    expect(deleted.headers.get('x-nomad-index')).toBe('0');
  });

  it('struct-body writes: missing and mismatched JobID, revert to the current version', async () => {
    await expectError('POST', '/v1/job/known/revert', undefined, 400, 'Request body is empty');
    await expectError(
      'POST',
      '/v1/job/known/revert',
      { JobVersion: 0 },
      400,
      'JobID must be specified',
    );
    await expectError('POST', '/v1/job/known/revert', { JobID: 'x' }, 400, 'Job ID does not match');
    await expectError('POST', '/v1/job/known/stable', { JobID: 'x' }, 400, 'Job ID does not match');
    await expectError('POST', '/v1/job/known/evaluate', {}, 400, 'Job ID must be specified');
    await expectError(
      'POST',
      '/v1/job/known/evaluate',
      { JobID: 'x' },
      400,
      'JobID not same as job name',
    );
    await expectError(
      'POST',
      '/v1/job/known/revert',
      { JobID: 'known', JobVersion: 0 },
      500,
      "can't revert to current version",
    );
    await expectError(
      'POST',
      '/v1/job/known/revert',
      { JobID: 'known', JobVersion: 3 },
      500,
      'job "known" in namespace "default" at version 3 not found',
    );
    await call('POST', '/v1/jobs', { Job: batchJob('rev') });
    await call('POST', '/v1/jobs', { Job: batchJob('rev', { Meta: { v: '1' } }) });
    await expectError(
      'POST',
      '/v1/job/rev/revert',
      { JobID: 'rev', JobVersion: 0, EnforcePriorVersion: 7 },
      500,
      'Current job has version 1; enforcing version 7',
    );
    const ok = await call('POST', '/v1/job/rev/revert', {
      JobID: 'rev',
      JobVersion: 0,
      EnforcePriorVersion: 1,
    });
    expect(ok.status).toBe(200);
    await expectError('GET', '/v1/job/known/evaluate', undefined, 405, 'Invalid method');
    await expectError('POST', '/v1/job/known/allocations', '{}', 405, 'Invalid method');
  });

  it.each([
    ['/v1/jobs?index=abc', 400, 'Invalid index'],
    ['/v1/job/known?wait=10x&index=1', 400, 'Invalid wait time'],
    ['/v1/jobs?per_page=ten', 400, 'Expect a number for `per_page` query string parameter'],
    ['/v1/jobs?stale=maybe', 400, 'Expect `true` or `false` for `stale` query string parameter'],
    [
      '/v1/jobs?meta=yes',
      500,
      'Failed to parse value of "meta" (yes) as a bool: strconv.ParseBool: parsing "yes": invalid syntax',
    ],
    ['/v1/jobs?filter=' + encodeURIComponent('Status =='), 400, undefined],
  ])('bad query parameters: %s', async (path, status, text) => {
    const res = await call('GET', path);
    expect(res.status).toBe(status);
    if (text !== undefined) expect(res.text).toBe(text);
    else
      expect(res.text).toMatch(
        /^failed to create result paginator: failed to read filter expression: /,
      );
  });

  it('lists with filter, namespace=*, meta and pagination', async () => {
    for (const id of ['page-a', 'page-b', 'page-c'])
      await call('POST', '/v1/jobs', {
        Job: batchJob(id, { Meta: { team: id === 'page-b' ? 'red' : 'blue' } }),
      });
    const first = await call('GET', '/v1/jobs?prefix=page-&per_page=2');
    expect(first.body.map((j: any) => j.ID)).toEqual(['page-a', 'page-b']);
    expect(first.headers.get('x-nomad-nexttoken')).toBe('default.page-c');
    const second = await call('GET', '/v1/jobs?prefix=page-&per_page=2&next_token=default.page-c');
    expect(second.body.map((j: any) => j.ID)).toEqual(['page-c']);
    expect(second.headers.get('x-nomad-nexttoken')).toBeNull();
    const red = await call(
      'GET',
      `/v1/jobs?meta=true&filter=${encodeURIComponent('Meta.team == "red"')}`,
    );
    expect(red.body.map((j: any) => [j.ID, j.Meta])).toEqual([['page-b', { team: 'red' }]]);
    const all = await call('GET', '/v1/jobs?namespace=*&prefix=page-');
    expect(all.body).toHaveLength(3);
    expect('Meta' in all.body[0]).toBe(false);
    const other = await call('GET', '/v1/jobs?namespace=prod');
    expect(other.body).toEqual([]);
  });

  it('blocking query: returns at the deadline with the same index when nothing changes', async () => {
    // The batch job runs on a simulated node and goes dead first; then nothing moves it.
    const index = await settledIndex(caravan.baseUrl, '/v1/job/known');
    const started = Date.now();
    const res = await call('GET', `/v1/job/known?index=${index}&wait=1s`);
    const elapsed = Date.now() - started;
    expect(res.status).toBe(200);
    expect(res.headers.get('x-nomad-index')).toBe(index);
    expect(elapsed).toBeGreaterThanOrEqual(950);
    expect(elapsed).toBeLessThan(5_000);
  });

  it('blocking query: returns promptly with a higher index when the job changes', async () => {
    const now = await call('GET', '/v1/job/known');
    const index = Number(now.headers.get('x-nomad-index'));
    const started = Date.now();
    const pending = call('GET', `/v1/job/known?index=${index}&wait=30s`);
    await new Promise((r) => setTimeout(r, 300));
    const update = await call('POST', '/v1/jobs', { Job: batchJob('known', { Meta: { v: '2' } }) });
    expect(update.status).toBe(200);
    const res = await pending;
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(Number(res.headers.get('x-nomad-index'))).toBeGreaterThan(index);
    expect(res.body.Meta).toEqual({ v: '2' });
  });
});
