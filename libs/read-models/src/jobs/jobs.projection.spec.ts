import { aJob } from '@caravan/domain/jobs';
import { foldEvents } from '../projection/fold-events';
import { toJobListStub } from './job-list-stub';
import { recorded } from '../projection/recorded-event.fixture';
import { cmd, history, T0 } from './job-history.fixture';
import type { JobRow } from './job.row';
import { jobsProjection } from './jobs.projection';

const rows = (events: ReturnType<typeof history>): JobRow[] => [
  ...foldEvents(jobsProjection, events).values(),
];
const periodic = aJob({
  ID: 'cron',
  Name: 'cron',
  Type: 'batch',
  Periodic: {
    Enabled: true,
    Spec: '',
    Specs: ['@daily'],
    SpecType: 'cron',
    ProhibitOverlap: false,
    TimeZone: 'UTC',
  },
});

describe('jobs projection (rm_jobs)', () => {
  it('a registered service job: pending, the full job JSON, indexes from the log', () => {
    // log: 1 JobVersionRegistered, 2 EvaluationCreated
    expect(rows(history(cmd.register()))).toEqual([
      {
        namespace: 'default',
        id: 'web',
        name: 'web',
        type: 'service',
        status: 'pending',
        priority: 50,
        stop: false,
        version: 0,
        createIndex: 1,
        modifyIndex: 1,
        jobModifyIndex: 1,
        submitTime: T0,
        job: {
          ...aJob(),
          SubmitTime: T0,
          Status: 'pending',
          CreateIndex: 1,
          ModifyIndex: 1,
          JobModifyIndex: 1,
        },
        stub: expect.objectContaining({
          ID: 'web',
          Status: 'pending',
          JobSummary: null,
          CreateIndex: 1,
          ModifyIndex: 1,
          JobModifyIndex: 1,
          SubmitTime: T0,
        }),
        statusInputs: {
          nonTerminalEvals: 1,
          terminalEvals: 0,
          nonTerminalAllocs: 0,
          nonTerminalDeployments: 0,
        },
        liveAllocs: [],
        lastIndex: 2,
      },
    ]);
  });

  it('keeps the list stub equal to the stub of the served job after every event', () => {
    const log = history(cmd.register(), cmd.stop());
    for (let n = 1; n <= log.length; n++)
      for (const row of rows(log.slice(0, n)))
        expect(row.stub).toEqual(toJobListStub(row.job, null, false));
  });

  it('a new version keeps CreateIndex and moves ModifyIndex and JobModifyIndex', () => {
    // 1 v0, 2 eval, 3 v1, 4 eval
    const [row] = rows(history(cmd.register(), cmd.register(aJob({ Priority: 70 }))));
    expect(row).toMatchObject({
      version: 1,
      priority: 70,
      createIndex: 1,
      modifyIndex: 3,
      jobModifyIndex: 3,
    });
    expect(row!.job).toMatchObject({
      Version: 1,
      CreateIndex: 1,
      ModifyIndex: 3,
      JobModifyIndex: 3,
      SubmitTime: T0 + 1n,
    });
  });

  it('an unchanged re-register adds an evaluation but no version', () => {
    const [row] = rows(history(cmd.register(), cmd.register()));
    expect(row).toMatchObject({ version: 0, jobModifyIndex: 1, modifyIndex: 1, lastIndex: 3 });
    expect(row!.statusInputs.nonTerminalEvals).toBe(2);
  });

  it('periodic parents are running with no evaluation, dead once stopped', () => {
    expect(rows(history(cmd.register(periodic)))[0]).toMatchObject({
      status: 'running',
      lastIndex: 1,
    });
    expect(rows(history(cmd.register(periodic), cmd.stop(periodic)))[0]).toMatchObject({
      status: 'dead',
      stop: true,
      version: 1,
      modifyIndex: 2,
      jobModifyIndex: 2,
    });
  });

  it('a stopped service job stays pending while its evaluations are pending (Nomad §6 rule 4)', () => {
    const [row] = rows(history(cmd.register(), cmd.stop()));
    expect(row).toMatchObject({ status: 'pending', stop: true, version: 1, jobModifyIndex: 3 });
    expect(row!.job).toMatchObject({
      Stop: true,
      Version: 1,
      Status: 'pending',
      SubmitTime: T0 + 1n,
    });
  });

  it('purge deletes the row; a later evaluation of the purge finds nothing to update', () =>
    expect(rows(history(cmd.register(), cmd.purge()))).toEqual([]));

  it('stability of the current version shows on the job and bumps ModifyIndex only', () => {
    const [row] = rows(history(cmd.register(), cmd.stable(0, true)));
    expect(row).toMatchObject({ modifyIndex: 3, jobModifyIndex: 1 });
    expect(row!.job.Stable).toBe(true);
  });

  it('keeps jobs in different namespaces apart', () => {
    const found = rows(history(cmd.register(), cmd.register(aJob({ Namespace: 'prod' }))));
    expect(found.map((r) => `${r.namespace}/${r.id}`)).toEqual(['default/web', 'prod/web']);
  });

  it('a replayed event is a no-op, and a rebuild gives the same rows', () => {
    const log = history(
      cmd.register(),
      cmd.register(aJob({ Priority: 90 })),
      cmd.stop(),
      cmd.evaluate(),
    );
    expect(rows([...log, log[0]!])).toEqual(rows(log));
    expect(rows(log)).toEqual(rows([...log]));
  });

  it('ignores other events', () => {
    expect(jobsProjection.key(recorded(1, 'NodeRegistered', { node: { ID: 'n' } }))).toBeNull();
  });
});
