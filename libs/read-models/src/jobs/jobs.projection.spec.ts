import { foldEvents } from '../projection/fold-events';
import { recorded } from '../projection/recorded-event.fixture';
import type { JobRow } from './job.row';
import { jobsProjection } from './jobs.projection';

const SUBMIT_TIME = 1_732_608_000_123_456_789n; // beyond 2^53: must survive exactly

function job(overrides: Record<string, unknown> = {}) {
  return {
    ID: 'example',
    Name: 'example',
    Namespace: 'default',
    Type: 'service',
    Priority: 50,
    Stop: false,
    Version: 0,
    SubmitTime: SUBMIT_TIME,
    TaskGroups: [{ Name: 'web', Count: 3 }],
    ...overrides,
  };
}

function rows(...events: ReturnType<typeof recorded>[]): JobRow[] {
  return [...foldEvents(jobsProjection, events).values()];
}

describe('jobs projection', () => {
  it('given a registered job, a pending row with the full job and its indexes', () => {
    expect(rows(recorded(7, 'JobVersionRegistered', { job: job() }))).toEqual([
      {
        namespace: 'default',
        id: 'example',
        name: 'example',
        type: 'service',
        status: 'pending',
        priority: 50,
        stop: false,
        version: 0,
        createIndex: 7,
        modifyIndex: 7,
        jobModifyIndex: 7,
        submitTime: SUBMIT_TIME,
        job: {
          ...job(),
          Status: 'pending',
          CreateIndex: 7,
          ModifyIndex: 7,
          JobModifyIndex: 7,
        },
        lastIndex: 7,
      },
    ]);
  });

  it('defaults what the job JSON leaves out as Nomad does', () => {
    const [row] = rows(recorded(1, 'JobVersionRegistered', { job: { ID: 'batchy' } }));
    expect(row).toMatchObject({
      namespace: 'default',
      name: 'batchy',
      type: 'service',
      priority: 50,
      version: 0,
    });
    expect(row!.submitTime).toBe(0n);
  });

  it('a new version keeps CreateIndex and moves ModifyIndex and JobModifyIndex', () => {
    const [row] = rows(
      recorded(3, 'JobVersionRegistered', { job: job() }),
      recorded(9, 'JobVersionRegistered', { job: job({ Version: 1, Priority: 70 }) }),
    );
    expect(row).toMatchObject({
      version: 1,
      priority: 70,
      createIndex: 3,
      modifyIndex: 9,
      jobModifyIndex: 9,
    });
    expect(row!.job).toMatchObject({
      Version: 1,
      CreateIndex: 3,
      ModifyIndex: 9,
      JobModifyIndex: 9,
    });
  });

  it('keeps jobs in different namespaces apart', () => {
    const found = rows(
      recorded(1, 'JobVersionRegistered', { job: job() }),
      recorded(2, 'JobVersionRegistered', { job: job({ Namespace: 'prod' }) }),
    );
    expect(found.map((r) => `${r.namespace}/${r.id}`)).toEqual(['default/example', 'prod/example']);
  });

  it('a stopped job is dead with Stop set, and comes back pending when registered again', () => {
    const stopped = rows(
      recorded(1, 'JobVersionRegistered', { job: job() }),
      recorded(2, 'JobStopped', { namespace: 'default', jobId: 'example', version: 1 }),
    );
    expect(stopped[0]).toMatchObject({
      status: 'dead',
      stop: true,
      version: 1,
      modifyIndex: 2,
      jobModifyIndex: 2,
    });
    expect(stopped[0]!.job).toMatchObject({ Status: 'dead', Stop: true, Version: 1 });

    const again = rows(
      recorded(1, 'JobVersionRegistered', { job: job() }),
      recorded(2, 'JobStopped', { namespace: 'default', jobId: 'example' }),
      recorded(3, 'JobVersionRegistered', { job: job({ Version: 2 }) }),
    );
    expect(again[0]).toMatchObject({ status: 'pending', stop: false, version: 2, createIndex: 1 });
  });

  it('deregister stops, deregister with purge and JobPurged delete', () => {
    const register = recorded(1, 'JobVersionRegistered', { job: job() });
    const ref = { namespace: 'default', jobId: 'example' };
    expect(rows(register, recorded(2, 'JobDeregistered', ref))[0]).toMatchObject({
      stop: true,
      status: 'dead',
    });
    expect(rows(register, recorded(2, 'JobDeregistered', { ...ref, purge: true }))).toEqual([]);
    expect(rows(register, recorded(2, 'JobPurged', ref))).toEqual([]);
  });

  it('stopping or purging an unknown job leaves no row', () => {
    const ref = { namespace: 'default', jobId: 'ghost' };
    expect(rows(recorded(1, 'JobStopped', ref), recorded(2, 'JobPurged', ref))).toEqual([]);
  });

  it('a replayed event is a no-op', () => {
    const first = recorded(4, 'JobVersionRegistered', { job: job({ Priority: 10 }) });
    const second = recorded(5, 'JobVersionRegistered', { job: job({ Priority: 90 }) });
    expect(rows(first, second, first)[0]).toMatchObject({ priority: 90, lastIndex: 5 });
  });

  it('addresses rows by namespace and job id, and ignores other events', () => {
    expect(jobsProjection.key(recorded(1, 'JobPurged', { namespace: 'a', jobId: 'b/c' }))).toEqual({
      namespace: 'a',
      id: 'b/c',
    });
    expect(jobsProjection.key(recorded(1, 'NodeRegistered', { node: { ID: 'n' } }))).toBeNull();
  });
});
