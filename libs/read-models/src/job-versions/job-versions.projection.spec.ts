import { aJob } from '@caravan/domain/jobs';
import { foldEvents } from '../projection/fold-events';
import { cmd, history, T0 } from '../jobs/job-history.fixture';
import { jobVersionsProjection } from './job-versions.projection';

const versions = (log: ReturnType<typeof history>) =>
  [...foldEvents(jobVersionsProjection, log).values()].sort((a, b) => b.version - a.version);
const changes = (n: number) =>
  Array.from({ length: n }, (_, k) => cmd.register(aJob({ Priority: 10 + k })));

describe('job versions projection (rm_job_versions)', () => {
  it('one row per version, with the job JSON at that version and its own indexes', () => {
    // 1 v0, 2 eval, 3 v1, 4 eval
    expect(versions(history(cmd.register(), cmd.register(aJob({ Priority: 70 }))))).toEqual([
      {
        namespace: 'default',
        jobId: 'web',
        version: 1,
        stable: false,
        modifyIndex: 3,
        submission: null,
        job: {
          ...aJob({ Priority: 70 }),
          Version: 1,
          SubmitTime: T0 + 1n,
          Status: 'pending',
          CreateIndex: 1,
          ModifyIndex: 3,
          JobModifyIndex: 3,
        },
        lastIndex: 3,
      },
      {
        namespace: 'default',
        jobId: 'web',
        version: 0,
        stable: false,
        modifyIndex: 1,
        submission: null,
        job: {
          ...aJob(),
          SubmitTime: T0,
          Status: 'pending',
          CreateIndex: 1,
          ModifyIndex: 1,
          JobModifyIndex: 1,
        },
        lastIndex: 1,
      },
    ]);
  });

  it('keeps the six newest, never the newest stable one out', () => {
    expect(versions(history(...changes(8))).map((v) => v.version)).toEqual([7, 6, 5, 4, 3, 2]);
    const log = history(cmd.register(aJob({ Priority: 1 })), cmd.stable(0, true), ...changes(7));
    expect(versions(log).map((v) => v.version)).toEqual([7, 6, 5, 4, 3, 0]);
    expect(versions(log).at(-1)).toMatchObject({ stable: true, job: { Stable: true } });
  });

  it('stability changes in place; a revert adds an unstable copy; stop adds a stopped version', () => {
    const log = history(
      cmd.register(),
      cmd.register(aJob({ Priority: 70 })),
      cmd.stable(1, true),
      cmd.revert(0),
      cmd.stop(),
    );
    const rows = versions(log);
    expect(rows.map((v) => [v.version, v.stable, v.job.Priority, v.job.Stop])).toEqual([
      [3, false, 50, true],
      [2, false, 50, false],
      [1, true, 70, false],
      [0, false, 50, false],
    ]);
    expect(rows[2]).toMatchObject({ modifyIndex: 5, job: { ModifyIndex: 5, JobModifyIndex: 3 } });
    expect(rows[0]!.job.Status).toBe('dead');
  });

  it('purge removes every version', () =>
    expect(versions(history(...changes(3), cmd.purge()))).toEqual([]));
});
