import { Client } from 'pg';
import { waitFor } from '@caravan/testkit';
import { aJob } from '@caravan/domain/jobs';
import {
  AppliedIndex,
  INDEX_CHANNEL,
  parseIndexNotification,
  ProjectorRunner,
  readAppliedIndex,
} from '@caravan/read-models';
import { openTestEnv, ReadModelTestEnv } from './read-models.int-fixture';

const jobRegistered = (id: string) => ({
  stream: { id: `job-default/${id}`, category: 'job', partitionKey: `default/${id}` },
  expectedVersion: 'any' as const,
  events: [
    {
      id: crypto.randomUUID(),
      type: 'JobVersionRegistered',
      data: { job: aJob({ ID: id, Name: id }), createIndex: null, submission: null },
    },
  ],
});

/** A job's first version lands in the job, version and summary tables. */
const jobTables = (index: number) => ({
  rm_jobs: index,
  rm_job_versions: index,
  rm_job_summaries: index,
});

const nodeRegistered = (id: string) => ({
  stream: { id: `node-${id}`, category: 'node', partitionKey: id },
  expectedVersion: 'any' as const,
  events: [{ id: crypto.randomUUID(), type: 'NodeRegistered', data: { node: { ID: id } } }],
});

describe('index NOTIFY', () => {
  let env: ReadModelTestEnv;
  let listener: Client;
  const heard: AppliedIndex[] = [];
  beforeAll(async () => {
    env = await openTestEnv();
    listener = new Client({ connectionString: env.db.url });
    await listener.connect();
    listener.on('notification', (m) => heard.push(parseIndexNotification(m.payload ?? '')!));
    await listener.query(`LISTEN ${INDEX_CHANNEL}`);
  });
  afterAll(async () => {
    await listener.end();
    await env.close();
  });
  beforeEach(() => {
    heard.length = 0;
  });

  it('tells a separate LISTEN client the applied index and the changed tables', async () => {
    const job = await env.store.append(jobRegistered('web'));
    const node = await env.store.append(nodeRegistered('n1'));
    const runner = new ProjectorRunner(env.store, env.dataSource, { batchSize: 100 });
    expect(await runner.catchUp()).toBe(node.lastIndex);

    await waitFor(() => heard.length === 1, { message: 'one notification' });
    expect(heard).toEqual([
      {
        applied: node.lastIndex,
        tables: { ...jobTables(job.lastIndex), rm_nodes: node.lastIndex },
      },
    ]);
    expect(await readAppliedIndex(env.dataSource)).toEqual(heard[0]);
  });

  it('names only the tables a batch changed; untouched tables keep their index', async () => {
    const before = await readAppliedIndex(env.dataSource);
    const job = await env.store.append(jobRegistered('api'));
    await new ProjectorRunner(env.store, env.dataSource).catchUp();

    await waitFor(() => heard.length === 1, { message: 'one notification' });
    expect(heard[0]).toEqual({ applied: job.lastIndex, tables: jobTables(job.lastIndex) });
    expect(await readAppliedIndex(env.dataSource)).toEqual({
      applied: job.lastIndex,
      tables: { ...jobTables(job.lastIndex), rm_nodes: before.tables.rm_nodes },
    });
  });

  it('says nothing about a batch that rolled back, then announces it once it commits', async () => {
    const job = await env.store.append(jobRegistered('batch'));
    const failing = new ProjectorRunner(env.store, env.dataSource, {
      beforeCommit: async () => {
        throw new Error('injected failure before commit');
      },
    });
    await expect(failing.catchUp()).rejects.toThrow('injected failure before commit');
    // A round trip on the listener connection flushes any notification already queued for it.
    await listener.query('select 1');
    expect(heard).toEqual([]);

    await new ProjectorRunner(env.store, env.dataSource).catchUp();
    await waitFor(() => heard.length === 1, { message: 'one notification' });
    expect(heard[0]!.applied).toBe(job.lastIndex);
  });

  it('a running leader wakes on the store log and notifies without waiting for its poll', async () => {
    const runner = new ProjectorRunner(env.store, env.dataSource, { pollIntervalMs: 60_000 });
    runner.start();
    try {
      await waitFor(() => runner.isLeader, { message: 'leadership' });
      // Let the first catch-up finish, so only a wake-up (not that pass) can pick the append up.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const job = await env.store.append(jobRegistered('cache'));
      await waitFor(() => heard.some((h) => h.applied === job.lastIndex), {
        timeoutMs: 5_000,
        message: 'notification for the new index',
      });
    } finally {
      await runner.stop();
    }
  });
});
