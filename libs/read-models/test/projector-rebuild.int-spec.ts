import type { EntitySchema } from 'typeorm';
import { waitFor } from '@caravan/testkit';
import { JOB_EVENT_TYPES } from '@caravan/domain/jobs';
import {
  anyProjection,
  EvaluationEntity,
  evaluationsProjection,
  JobSummaryEntity,
  jobSummariesProjection,
  JobVersionEntity,
  jobVersionsProjection,
  Projection,
  JobEntity,
  jobsProjection,
  NodeEntity,
  nodesProjection,
  ProjectorRunner,
  readAppliedIndex,
  rebuildReadModels,
  RebuildProgress,
} from '@caravan/read-models';
import { foldEvents } from '../src/projection/fold-events';
import {
  appendAll,
  BIG_SUBMIT_TIME,
  dumpTables,
  openTestEnv,
  ReadModelTestEnv,
  workload,
} from './read-models.int-fixture';

const byKey = (
  a: { id: string; namespace?: string },
  b: { id: string; namespace?: string },
): number => `${a.namespace ?? ''}/${a.id}`.localeCompare(`${b.namespace ?? ''}/${b.id}`);

describe('projector: live projection, then rebuild', () => {
  let env: ReadModelTestEnv;
  let runner: ProjectorRunner;
  beforeAll(async () => {
    env = await openTestEnv();
    runner = new ProjectorRunner(env.store, env.dataSource, { batchSize: 37, pollIntervalMs: 200 });
  });
  afterAll(async () => {
    await runner.stop();
    await env.close();
  });

  it('applies a few hundred events live, and a rebuild gives exactly the same rows', async () => {
    runner.start();
    await appendAll(env.store, workload(400));
    const head = await env.store.headIndex();
    expect(head).toBe(400);
    await waitFor(async () => (await readAppliedIndex(env.dataSource)).applied === head, {
      timeoutMs: 20_000,
      message: 'projector reaches the head',
    });
    expect(runner.isLeader).toBe(true);
    await runner.stop();

    const live = await dumpTables(env.dataSource);
    expect(live.rm_jobs!.length).toBeGreaterThan(5);
    expect(live.rm_nodes!.length).toBeGreaterThan(3);

    // The rows are what the pure projections make of the log.
    const log = await env.store.readLog(0, 10_000);
    const jobs = await env.dataSource.getRepository(JobEntity).find();
    const nodes = await env.dataSource.getRepository(NodeEntity).find();
    expect(jobs.sort(byKey)).toEqual([...foldEvents(jobsProjection, log).values()].sort(byKey));
    expect(nodes.sort(byKey)).toEqual([...foldEvents(nodesProjection, log).values()].sort(byKey));
    const sameAsFold = async (entity: EntitySchema, projection: Projection, minimum: number) => {
      // jsonb reorders object keys, so compare values, in primary-key order
      const order = (rows: object[]) => [...rows].sort((a, b) => pk(a).localeCompare(pk(b)));
      const pk = (row: object) => {
        const r = row as Record<string, unknown>;
        return [r.namespace, r.jobId, r.version, r.id]
          .map((v) => (typeof v === 'string' || typeof v === 'number' ? String(v) : ''))
          .join('/');
      };
      const stored: object[] = await env.dataSource.getRepository(entity).find();
      expect(stored.length).toBeGreaterThan(minimum);
      expect(order(stored)).toEqual(order([...foldEvents(projection, log).values()]));
    };
    await sameAsFold(JobVersionEntity as EntitySchema, anyProjection(jobVersionsProjection), 5);
    await sameAsFold(JobSummaryEntity as EntitySchema, anyProjection(jobSummariesProjection), 5);
    await sameAsFold(EvaluationEntity as EntitySchema, anyProjection(evaluationsProjection), 5);

    const progress: RebuildProgress[] = [];
    const result = await rebuildReadModels(env.store, env.dataSource, {
      batchSize: 64,
      onProgress: (p) => progress.push(p),
    });
    expect(result).toEqual({ applied: 400, head: 400 });
    expect(progress.map((p) => p.applied)).toEqual([0, 64, 128, 192, 256, 320, 384, 400]);
    expect(await dumpTables(env.dataSource)).toEqual(live);
  });

  it('keeps int64 SubmitTime exact in the column and in the job JSON', async () => {
    const rows = await env.dataSource.query<{ column: string; json: string }[]>(
      `select submit_time::text as column, job->>'SubmitTime' as json from rm_jobs order by submit_time desc limit 1`,
    );
    const [row] = rows;
    expect(BigInt(row!.column)).toBeGreaterThan(BIG_SUBMIT_TIME);
    expect(row!.json).toBe(row!.column);
    const entity = await env.dataSource
      .getRepository(JobEntity)
      .findOneByOrFail({ submitTime: BigInt(row!.column) });
    expect(entity.submitTime).toBe(BigInt(row!.column));
    expect(entity.job.SubmitTime).toBe(BigInt(row!.column));
  });

  it('records per-table indexes: the last event that changed each table', async () => {
    const log = await env.store.readLog(0, 10_000);
    const last = (types: string[]): number =>
      Math.max(...log.filter((e) => types.includes(e.type)).map((e) => e.logIndex));
    const index = await readAppliedIndex(env.dataSource);
    expect(index.applied).toBe(400);
    expect(index.tables.rm_nodes).toBe(last(['NodeRegistered', 'NodeStatusChanged']));
    // A stop or purge of a job that has no row changes nothing, so take the max over row changes.
    const jobs = await env.dataSource.getRepository(JobEntity).find();
    expect(index.tables.rm_jobs).toBeGreaterThanOrEqual(Math.max(...jobs.map((j) => j.lastIndex)));
    expect(index.tables.rm_jobs).toBeLessThanOrEqual(
      last([...JOB_EVENT_TYPES, 'EvaluationCreated']),
    );
  });
});
