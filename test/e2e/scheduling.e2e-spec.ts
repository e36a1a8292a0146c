/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-call, @typescript-eslint/no-unsafe-return -- e2e assertions read untyped Nomad JSON */
import pg from 'pg';
import { PostgresEventStore } from '@caravan/event-store';
import { NodeSimulator } from '@caravan/node-simulator';
import { createReadModelDataSource, rebuildReadModels } from '@caravan/read-models';
import { replayScheduler } from '@caravan/scheduler-worker';
import type { CaravanUnderTest } from './support/caravan-under-test';
import { startDistributedCaravan } from './support/distributed-caravan';
import { startEmbeddedCaravan } from './support/embedded-caravan';
import { http } from './support/jobs-api.helpers';
import { serviceJob, settledIndex, shortBatchJob, waitFor } from './support/scheduling.helpers';

// Registration to running allocations, over HTTP, in both topologies: the scheduler places,
// the node simulator runs, the read models serve Nomad's shapes (issue 8, "Read side").

describe.each([
  ['embedded', startEmbeddedCaravan],
  ['distributed (Kafka)', startDistributedCaravan],
])('scheduling read side, %s', (_mode, start) => {
  let caravan: CaravanUnderTest;
  const call = <T = any>(method: string, path: string, body?: unknown) =>
    http<T>(caravan.baseUrl, method, path, body);
  const until = <T = any>(path: string, done: (body: T) => boolean) =>
    waitFor<T>(caravan.baseUrl, path, done);

  beforeAll(async () => {
    caravan = await start();
  }, 180_000);
  afterAll(() => caravan?.stop(), 60_000);

  it('a service job of count 3 runs 3 allocations with Nomad names; the summary shows Running 3', async () => {
    const reg = await call('PUT', '/v1/jobs', { Job: serviceJob('web', 3) });
    expect(reg.status).toBe(200);
    const evaluation = await until(
      `/v1/evaluation/${reg.body.EvalID}`,
      (e: any) => e.Status === 'complete',
    );
    expect(evaluation).toMatchObject({
      JobID: 'web',
      TriggeredBy: 'job-register',
      BlockedEval: '',
    });
    const allocs = await until(
      '/v1/job/web/allocations',
      (list: any[]) => list.length === 3 && list.every((a) => a.ClientStatus === 'running'),
    );
    expect(allocs.map((a: any) => a.Name).sort()).toEqual([
      'web.web[0]',
      'web.web[1]',
      'web.web[2]',
    ]);
    expect(allocs[0]).toMatchObject({ JobType: 'service', JobVersion: 0, DesiredStatus: 'run' });
    const summary = await until('/v1/job/web/summary', (s: any) => s.Summary.web.Running === 3);
    expect(summary.Summary.web).toEqual({
      Queued: 0,
      Complete: 0,
      Failed: 0,
      Running: 3,
      Starting: 0,
      Lost: 0,
      Unknown: 0,
    });
    expect((await call('GET', '/v1/job/web')).body.Status).toBe('running');

    const one = await call('GET', `/v1/allocation/${allocs[0].ID}`);
    expect(one.headers.get('x-nomad-index')).toBe(String(one.body.ModifyIndex));
    expect(one.body.Job).toMatchObject({ ID: 'web', Version: 0 });
    expect(one.body.Metrics.NodesEvaluated).toBeGreaterThan(0);
    expect(one.body.TaskStates.server).toMatchObject({ State: 'running', Failed: false });
    expect(one.body.TaskStates.server.Events.map((e: any) => e.Type)).toEqual([
      'Received',
      'Task Setup',
      'Started',
    ]);

    const nodes = await call('GET', '/v1/nodes');
    expect(nodes.body).toHaveLength(3);
    const onNode = await call('GET', `/v1/node/${allocs[0].NodeID}/allocations`);
    expect(onNode.body.map((a: any) => a.ID)).toContain(allocs[0].ID);
    const ofEval = await call('GET', `/v1/evaluation/${reg.body.EvalID}/allocations`);
    expect(ofEval.body).toHaveLength(3);
    const page = await call('GET', '/v1/allocations?per_page=2');
    expect(page.body).toHaveLength(2);
    expect(page.headers.get('x-nomad-nexttoken')).toBeTruthy();
  }, 60_000);

  it('stopping one allocation replaces it: desired stop, complete, a running replacement', async () => {
    const [victim] = (await call('GET', '/v1/job/web/allocations')).body;
    const stop = await call('POST', `/v1/allocation/${victim.ID}/stop`);
    expect(stop.status).toBe(200);
    expect(stop.headers.get('x-nomad-index')).toBe(String(stop.body.Index));
    const evaluation = await until(
      `/v1/evaluation/${stop.body.EvalID}`,
      (e: any) => e.Status === 'complete',
    );
    expect(evaluation.TriggeredBy).toBe('alloc-stop');
    const allocs = await until(
      '/v1/job/web/allocations',
      (l: any[]) =>
        l.some((a) => a.ID === victim.ID && a.ClientStatus === 'complete') &&
        l.filter((a) => a.ClientStatus === 'running').length === 3,
    );
    const old = allocs.find((a: any) => a.ID === victim.ID);
    expect(old).toMatchObject({
      DesiredStatus: 'stop',
      DesiredDescription: 'alloc is being migrated',
    });
    expect(old.DesiredTransition.Migrate).toBe(true);
    const replacement = (await call('GET', `/v1/allocation/${old.NextAllocation}`)).body;
    expect(replacement).toMatchObject({
      Name: victim.Name,
      PreviousAllocation: victim.ID,
      ClientStatus: 'running',
    });
    expect(
      (await call('POST', '/v1/allocation/00000000-0000-0000-0000-000000000000/stop')).status,
    ).toBe(404);
  }, 60_000);

  it('a job that cannot fit gets a blocked evaluation with FailedTGAllocs and DimensionExhausted', async () => {
    const reg = await call('PUT', '/v1/jobs', { Job: serviceJob('huge', 1, 1_000_000) });
    const done = await until(
      `/v1/evaluation/${reg.body.EvalID}`,
      (e: any) => e.Status === 'complete',
    );
    expect(done.BlockedEval).not.toBe('');
    const metric = done.FailedTGAllocs.web;
    expect(metric.NodesEvaluated).toBe(3);
    expect(metric.DimensionExhausted).toMatchObject({ memory: 3 });
    const blocked = await call('GET', `/v1/evaluation/${done.BlockedEval}`);
    expect(blocked.body).toMatchObject({ Status: 'blocked', PreviousEval: reg.body.EvalID });
    const listed = await call('GET', '/v1/evaluations?job=huge&status=blocked');
    expect(listed.body.map((e: any) => e.ID)).toEqual([done.BlockedEval]);
    expect((await call('GET', '/v1/job/huge')).body.Status).toBe('pending');
  }, 60_000);

  it('a batch job completes and the job goes dead; exit_code fails it', async () => {
    await call('PUT', '/v1/jobs', { Job: shortBatchJob('once') });
    await until('/v1/job/once', (j: any) => j.Status === 'dead');
    const [alloc] = (await call('GET', '/v1/job/once/allocations')).body;
    expect(alloc.ClientStatus).toBe('complete');
    expect(alloc.TaskStates.run.Events.at(-1)).toMatchObject({ Type: 'Terminated', ExitCode: 0 });
    const summary = (await call('GET', '/v1/job/once/summary')).body;
    expect(summary.Summary.work).toMatchObject({ Complete: 1, Running: 0 });

    await call('PUT', '/v1/jobs', {
      // No reschedule, so no replacement appears later in the suite.
      Job: shortBatchJob(
        'broken',
        { exit_code: 3 },
        { ReschedulePolicy: { Attempts: 0, Interval: 0, Unlimited: false } },
      ),
    });
    const failed = await until('/v1/job/broken/allocations', (list: any[]) =>
      list.some((a) => a.ClientStatus === 'failed'),
    );
    expect(failed[0].TaskStates.run.Failed).toBe(true);
  }, 60_000);

  it('stopping a job stops its allocations', async () => {
    await call('PUT', '/v1/jobs', { Job: serviceJob('stopme', 2) });
    await until(
      '/v1/job/stopme/allocations',
      (l: any[]) => l.length === 2 && l.every((a) => a.ClientStatus === 'running'),
    );
    expect((await call('DELETE', '/v1/job/stopme')).status).toBe(200);
    const stopped = await until('/v1/job/stopme/allocations', (l: any[]) =>
      l.every((a) => a.DesiredStatus === 'stop' && a.ClientStatus === 'complete'),
    );
    expect(stopped).toHaveLength(2);
    await until('/v1/job/stopme', (j: any) => j.Status === 'dead');
  }, 60_000);

  it('the capacity table holds exactly the live allocations: clients released the rest', async () => {
    const all = (await call('GET', '/v1/allocations')).body as {
      ID: string;
      DesiredStatus: string;
      ClientStatus: string;
    }[];
    const live = all
      .filter((a) => a.DesiredStatus === 'run' && ['pending', 'running'].includes(a.ClientStatus))
      .map((a) => a.ID)
      .sort();
    expect(all.length).toBeGreaterThan(live.length); // completed, failed and stopped ones exist
    const client = new pg.Client({ connectionString: caravan.databaseUrl });
    await client.connect();
    try {
      const claims = await client.query<{ alloc_id: string }>(
        'select alloc_id from sched_alloc_claims order by alloc_id',
      );
      expect(claims.rows.map((r) => r.alloc_id).sort()).toEqual(live);
      const drift = await client.query(
        `select u.node_id from sched_node_usage u
           left join (select node_id, sum(mem) mem from sched_alloc_claims group by node_id) c
             using (node_id)
          where u.mem_used <> coalesce(c.mem, 0)`,
      );
      expect(drift.rows).toEqual([]);
    } finally {
      await client.end();
    }
  }, 60_000);

  // Last: the big node's simulator stops with the test, and nothing marks the node down yet.
  it('a failed batch allocation is rescheduled once, as its policy says', async () => {
    const second = 1_000_000_000;
    const registered = await call('PUT', '/v1/jobs', {
      Job: shortBatchJob(
        'retry',
        { exit_code: 3 },
        {
          ReschedulePolicy: {
            Attempts: 1,
            Interval: 24 * 3600 * second,
            Delay: 5 * second, // Nomad's minimum
            DelayFunction: 'constant',
            Unlimited: false,
          },
        },
      ),
    });
    expect(registered.status).toBe(200);
    const allocs = await until(
      '/v1/job/retry/allocations',
      (list: any[]) => list.length === 2 && list.every((a) => a.ClientStatus === 'failed'),
    );
    const [first, next] = [...allocs].sort((a: any, b: any) => a.CreateIndex - b.CreateIndex);
    // The list stub has no PreviousAllocation (as Nomad's AllocListStub); the single read does.
    expect((await call('GET', `/v1/allocation/${next.ID}`)).body.PreviousAllocation).toBe(first.ID);
    expect(first.NextAllocation).toBe(next.ID);
    expect(next.Name).toBe(first.Name);
    expect(next.RescheduleTracker.Events).toHaveLength(1);
    expect(next.RescheduleTracker.Events[0].PrevAllocID).toBe(first.ID);
    // One attempt in the interval: no third allocation follows.
    await new Promise((r) => setTimeout(r, 6000));
    expect((await call('GET', '/v1/job/retry/allocations')).body).toHaveLength(2);
  }, 90_000);

  it('adding a node that fits unblocks the blocked job, and its allocation runs there', async () => {
    // A second simulator (as another node-simulator replica would) brings one big node.
    const store = await PostgresEventStore.open(caravan.databaseUrl);
    const big = new NodeSimulator(store, {
      simulatorId: `big-${caravan.mode}`,
      nodeCount: 1,
      datacenter: 'dc1',
      shape: (node) => ({
        ...node,
        NodeResources: { ...node.NodeResources, Memory: { MemoryMB: 2_000_000 } },
      }),
    });
    try {
      await big.start();
      const [alloc] = await until('/v1/job/huge/allocations', (l: any[]) =>
        l.some((a) => a.ClientStatus === 'running'),
      );
      expect(alloc).toMatchObject({ NodeID: big.nodes[0]!.ID, Name: 'huge.web[0]' });
      await until('/v1/evaluations?job=huge&status=blocked', (l: any[]) => l.length === 0);
      expect((await call('GET', '/v1/job/huge/summary')).body.Summary.web.Running).toBe(1);
    } finally {
      await big.stop();
      await store.close();
    }
  }, 60_000);

  it('a rebuild from the log gives the same allocation, evaluation, job and summary rows', async () => {
    await settledIndex(caravan.baseUrl, '/v1/allocations');
    await settledIndex(caravan.baseUrl, '/v1/evaluations');
    const tables = ['rm_allocations', 'rm_evaluations', 'rm_jobs', 'rm_job_summaries'];
    const dataSource = createReadModelDataSource(caravan.databaseUrl);
    await dataSource.initialize();
    const store = await PostgresEventStore.open(caravan.databaseUrl);
    const dump = async () => {
      const out: Record<string, string[]> = {};
      for (const table of tables) {
        const rows: { j: string }[] = await dataSource.query(
          `select to_jsonb(t)::text j from ${table} t order by j`,
        );
        out[table] = rows.map((r) => r.j);
      }
      return out;
    };
    try {
      const live = await dump();
      expect(live['rm_allocations']!.length).toBeGreaterThan(5);
      await rebuildReadModels(store, dataSource);
      expect(await dump()).toEqual(live);
    } finally {
      await store.close();
      await dataSource.destroy();
    }
  }, 60_000);

  it('replaying every recorded evaluation through the pure scheduler gives identical plans', async () => {
    const store = await PostgresEventStore.open(caravan.databaseUrl);
    try {
      const report = await replayScheduler(store);
      expect(report.differences).toEqual([]);
      expect(report.identical).toBeGreaterThan(5);
    } finally {
      await store.close();
    }
  }, 60_000);
});
