/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return, @typescript-eslint/no-unsafe-argument -- e2e assertions read untyped Nomad JSON */
import type { CaravanUnderTest } from './support/caravan-under-test';
import { startDistributedCaravan } from './support/distributed-caravan';
import { startEmbeddedCaravan } from './support/embedded-caravan';
import { batchJob, http, samplePayload, shapeMismatches } from './support/jobs-api.helpers';

// Every sample request of the Jobs API document (reference/nomad-jobs-api.md), sent to both
// topologies; the answer must have the sample response's shape and Nomad's default values.

const REGISTER_RESPONSE = {
  EvalID: '',
  EvalCreateIndex: 0,
  JobModifyIndex: 109,
  Warnings: '',
  Index: 0,
  LastContact: 0,
  KnownLeader: false,
};
const SUMMARY = {
  JobID: 'example',
  Summary: {
    cache: { Queued: 0, Complete: 0, Failed: 0, Running: 1, Starting: 0, Lost: 0 },
  },
  Children: { Pending: 0, Running: 0, Dead: 0 },
  CreateIndex: 7,
  ModifyIndex: 13,
};
const LIST_STUB = {
  ID: 'example',
  ParentID: '',
  Name: 'example',
  Type: 'service',
  Priority: 50,
  Status: 'pending',
  StatusDescription: '',
  JobSummary: SUMMARY,
  CreateIndex: 52,
  ModifyIndex: 93,
  JobModifyIndex: 52,
};
const EVALUATION = {
  ID: 'a9c5effc-2242-51b2-f1fe-054ee11ab189',
  Priority: 50,
  Type: 'service',
  TriggeredBy: 'job-register',
  JobID: 'example',
  JobModifyIndex: 7,
  Status: 'complete',
  QueuedAllocations: {},
  SnapshotIndex: 8,
  CreateIndex: 8,
  ModifyIndex: 10,
};

describe.each([
  ['embedded', startEmbeddedCaravan],
  ['distributed (Kafka)', startDistributedCaravan],
])('Jobs API samples, %s', (_mode, start) => {
  let caravan: CaravanUnderTest;
  const call = <T = any>(method: string, path: string, body?: unknown) =>
    http<T>(caravan.baseUrl, method, path, body);

  beforeAll(async () => {
    caravan = await start();
  }, 120_000);
  afterAll(async () => caravan?.stop(), 60_000);

  it('POST /v1/jobs registers the sample job: register response with an eval', async () => {
    const verbatim = await call('POST', '/v1/jobs', samplePayload('example', true));
    expect(verbatim.status).toBe(500);
    expect(verbatim.text).toBe(
      '1 error occurred:\n\t* Task group cache validation failed: 3 errors occurred:\n' +
        '\t* Interval must be a non zero value if Attempts > 0\n' +
        '\t* Reschedule Policy with Attempts = 10, Interval = 0s, and Unlimited = true is ambiguous\n' +
        '\t* If Attempts >0, Unlimited cannot also be set to true\n\n\n\n',
    );
    const res = await call('POST', '/v1/jobs', samplePayload());
    expect(res.status).toBe(200);
    expect(shapeMismatches(REGISTER_RESPONSE, res.body)).toEqual([]);
    expect(res.body.EvalID).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.Warnings).toBe('');
    expect(res.body.Index).toBe(res.body.EvalCreateIndex);
    expect(res.body.JobModifyIndex).toBeGreaterThan(0);
    expect(res.headers.get('x-nomad-index')).toBe(String(res.body.Index));
  });

  it('GET /v1/job/:id returns the canonical job with Nomad defaults', async () => {
    const res = await call('GET', '/v1/job/example');
    expect(res.status).toBe(200);
    const job = res.body;
    expect(job).toMatchObject({
      Region: 'global',
      Namespace: 'default',
      ID: 'example',
      Name: 'example',
      Type: 'service',
      Priority: 50,
      NodePool: 'default',
      Datacenters: ['dc1'],
      Stop: false,
      Version: 0,
      Stable: false,
      ParentID: '',
      Status: expect.stringMatching(/^(pending|running)$/),
    });
    expect(typeof job.SubmitTime === 'bigint' || typeof job.SubmitTime === 'number').toBe(true);
    expect(BigInt(job.SubmitTime)).toBeGreaterThan(1_600_000_000_000_000_000n);
    const group = job.TaskGroups[0];
    expect(group.EphemeralDisk).toEqual({ Sticky: false, SizeMB: 300, Migrate: false });
    expect(group.Tasks[0].KillTimeout).toBe(5_000_000_000);
    expect(group.Tasks[0].LogConfig).toMatchObject({ MaxFiles: 10, MaxFileSizeMB: 10 });
    expect(res.headers.get('x-nomad-index')).toBe(String(job.ModifyIndex));
    expect(res.headers.get('x-nomad-knownleader')).toBe('true');
  });

  it('GET /v1/jobs and ?prefix= list stubs with their summary', async () => {
    const all = await call('GET', '/v1/jobs');
    expect(all.status).toBe(200);
    expect(all.body).toHaveLength(1);
    expect(shapeMismatches(LIST_STUB, all.body[0])).toEqual([]);
    expect(all.body[0].JobSummary.Summary.cache).toMatchObject({ Running: 0, Lost: 0, Unknown: 0 });
    const team = await call('GET', '/v1/jobs?prefix=team');
    expect(team.body).toEqual([]);
    const ex = await call('GET', '/v1/jobs?prefix=exa');
    expect(ex.body.map((j: any) => j.ID)).toEqual(['example']);
  });

  it('GET /v1/job/:id/summary, /evaluations, /allocations, /deployments, /deployment', async () => {
    const summary = await call('GET', '/v1/job/example/summary');
    expect(summary.status).toBe(200);
    expect(shapeMismatches(SUMMARY, summary.body)).toEqual([]);
    expect(summary.body.Namespace).toBe('default');
    const evals = await call('GET', '/v1/job/example/evaluations');
    expect(evals.status).toBe(200);
    expect(evals.body.length).toBeGreaterThanOrEqual(1);
    // Ordered by ID, and the scheduler may have added a blocked evaluation (queued-allocs).
    const registered = evals.body.find((e: any) => e.TriggeredBy === 'job-register');
    expect(shapeMismatches({ ...EVALUATION, QueuedAllocations: null }, registered)).toEqual([]);
    const deployments = await call('GET', '/v1/job/example/deployments');
    expect(deployments.status).toBe(200);
    expect(deployments.body).toEqual([]);
    expect(Number(deployments.headers.get('x-nomad-index'))).toBeGreaterThanOrEqual(1);
    // Allocations are real now: the sample job fits the simulated nodes, so it may be placed.
    const allocs = await call('GET', '/v1/job/example/allocations');
    expect(allocs.status).toBe(200);
    expect(Number(allocs.headers.get('x-nomad-index'))).toBeGreaterThanOrEqual(1);
    for (const alloc of allocs.body)
      expect(alloc).toMatchObject({ JobID: 'example', TaskGroup: 'cache', JobType: 'service' });
    const latest = await call('GET', '/v1/job/example/deployment');
    expect(latest.status).toBe(200);
    expect(latest.text).toBe('null');
  });

  it('POST /v1/job/:id with EnforceIndex updates the job and bumps its version', async () => {
    const current = (await call('GET', '/v1/job/example')).body;
    const payload = samplePayload();
    (payload.Job as any).Meta = { rev: '2' };
    const res = await call('POST', '/v1/job/example', {
      ...payload,
      EnforceIndex: true,
      JobModifyIndex: current.JobModifyIndex,
    });
    expect(res.status).toBe(200);
    expect(
      shapeMismatches({ EvalID: 'x', EvalCreateIndex: 35, JobModifyIndex: 34 }, res.body),
    ).toEqual([]);
    const job = (await call('GET', '/v1/job/example')).body;
    expect(job.Version).toBe(1);
    expect(job.Meta).toEqual({ rev: '2' });
    expect(job.JobModifyIndex).toBe(res.body.JobModifyIndex);
  });

  it('GET /v1/job/:id/versions lists versions newest first, Diffs null', async () => {
    const res = await call('GET', '/v1/job/example/versions');
    expect(res.status).toBe(200);
    expect(res.body.Versions.map((v: any) => v.Version)).toEqual([1, 0]);
    expect(res.body.Diffs).toBeNull();
    expect(res.body).toMatchObject({ LastContact: 0, KnownLeader: true, NextToken: '' });
    expect(res.headers.get('x-nomad-index')).toBe(String(res.body.Index));
  });

  it('GET /v1/job/:id/versions?diffs=true diffs each version against the one before', async () => {
    const res = await call('GET', '/v1/job/example/versions?diffs=true');
    expect(res.status).toBe(200);
    expect(res.body.Diffs).toEqual([
      {
        Type: 'Edited',
        ID: 'example',
        Fields: [{ Type: 'Added', Name: 'Meta[rev]', Old: '', New: '2', Annotations: null }],
        Objects: null,
        TaskGroups: null,
      },
    ]);
  });

  it('POST /v1/job/:id/stable marks a version; the response is {Index}', async () => {
    const res = await call('POST', '/v1/job/example/stable', {
      JobID: 'example',
      JobVersion: 1,
      Stable: true,
    });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body)).toEqual(['Index']);
    expect(res.body.Index).toBeGreaterThan(0);
    const versions = (await call('GET', '/v1/job/example/versions')).body.Versions;
    expect(versions[0]).toMatchObject({ Version: 1, Stable: true });
    // Omitting Stable unmarks it (Go's zero value).
    await call('PUT', '/v1/job/example/stable', { JobID: 'example', JobVersion: 1 });
    const after = (await call('GET', '/v1/job/example/versions')).body.Versions;
    expect(after[0]).toMatchObject({ Version: 1, Stable: false });
  });

  it('POST /v1/job/:id/revert goes back to an older spec as a new version', async () => {
    const res = await call('POST', '/v1/job/example/revert', { JobID: 'example', JobVersion: 0 });
    expect(res.status).toBe(200);
    expect(
      shapeMismatches({ EvalID: 'x', EvalCreateIndex: 35, JobModifyIndex: 34 }, res.body),
    ).toEqual([]);
    expect(res.headers.get('x-nomad-lastcontact')).toBe('0');
    const job = (await call('GET', '/v1/job/example')).body;
    expect(job.Version).toBe(2);
    expect(job.Meta).toBeNull();
  });

  it('POST /v1/job/:id/evaluate with EvalOptions creates a job-register evaluation', async () => {
    const res = await call('POST', '/v1/job/example/evaluate', {
      JobID: 'example',
      EvalOptions: { ForceReschedule: true },
    });
    expect(res.status).toBe(200);
    expect(
      shapeMismatches({ EvalID: 'x', EvalCreateIndex: 35, JobModifyIndex: 34 }, res.body),
    ).toEqual([]);
    const evals = (await call('GET', '/v1/job/example/evaluations')).body;
    expect(evals.map((e: any) => e.ID)).toContain(res.body.EvalID);
    // Without a body, the URL's job is evaluated.
    const bare = await call('POST', '/v1/job/example/evaluate');
    expect(bare.status).toBe(200);
    expect(bare.body.EvalID).not.toBe(res.body.EvalID);
  });

  it('POST /v1/jobs/parse turns HCL into the api job, with defaults on Canonicalize', async () => {
    const res = await call('POST', '/v1/jobs/parse', {
      Canonicalize: true,
      JobHCL: 'job "my-job" {}',
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-nomad-index')).toBeNull();
    expect(res.body).toMatchObject({
      ID: 'my-job',
      Name: 'my-job',
      Namespace: 'default',
      Region: 'global',
      Type: 'service',
      Priority: 50,
      Datacenters: null,
      TaskGroups: null,
      Stop: false,
      Version: 0,
    });
    const sample = await call('POST', '/v1/jobs/parse', {
      JobHCL: 'job "example" { type = "service" group "cache" {} }',
      Canonicalize: true,
    });
    // HCL2 has no one-line block with two arguments: Nomad's parser rejects this sample too.
    expect(sample.status).toBe(400);
    expect(sample.text).toBe(
      'Failed to parse job: input.hcl:1,34-39: Invalid single-argument block definition; A single-line block definition must end with a closing brace immediately after its single argument definition.',
    );
    const multiline = await call('PUT', '/v1/jobs/parse', {
      JobHCL: 'job "example" {\n  type = "service"\n  group "cache" {}\n}\n',
      Canonicalize: true,
    });
    expect(multiline.status).toBe(200);
    expect(multiline.body.TaskGroups[0]).toMatchObject({ Name: 'cache', Count: 1 });
    expect(multiline.body.Update).toMatchObject({ MaxParallel: 1, HealthCheck: 'checks' });
  });

  it('DELETE /v1/job/:id stops (new version), then ?purge=true removes the job', async () => {
    const stop = await call('DELETE', '/v1/job/example');
    expect(stop.status).toBe(200);
    expect(stop.body).toMatchObject({ VolumeEvalID: '', VolumeEvalIndex: 0, KnownLeader: false });
    expect(stop.body.EvalCreateIndex).toBe(stop.body.Index);
    expect(stop.body.JobModifyIndex).toBe(stop.body.Index);
    const stopped = (await call('GET', '/v1/job/example')).body;
    expect(stopped).toMatchObject({ Stop: true, Version: 3 });
    const evals = (await call('GET', '/v1/job/example/evaluations')).body;
    const deregister = evals.find((e: any) => e.ID === stop.body.EvalID);
    expect(deregister).toMatchObject({ TriggeredBy: 'job-deregister', Type: 'service' });
    const purge = await call('DELETE', '/v1/job/example?purge=true');
    expect(purge.status).toBe(200);
    const gone = await call('GET', '/v1/job/example');
    expect(gone.status).toBe(404);
    expect(gone.text).toBe('job not found');
    expect(gone.headers.get('x-nomad-index')).not.toBeNull();
  });

  it('serves job IDs containing "/" and suffix-like text on every route', async () => {
    const id = 'team/etl/summary-report';
    const reg = await call('PUT', `/v1/job/${encodeURIComponent(id)}`, { Job: batchJob(id) });
    expect(reg.status).toBe(200);
    expect((await call('GET', `/v1/job/${id}`)).body.ID).toBe(id);
    expect((await call('GET', `/v1/job/${id}/summary`)).body.JobID).toBe(id);
    expect((await call('GET', `/v1/job/team%2Fetl%2Fsummary-report/versions`)).status).toBe(200);
    const listed = (await call('GET', '/v1/jobs?prefix=team/')).body.map((j: any) => j.ID);
    expect(listed).toEqual([id]);
  });
});
