import { aJob } from '@caravan/domain/jobs';
import type { TaskGroup } from '@caravan/nomad-api';
import { foldEvents } from '../projection/fold-events';
import { cmd, history } from '../jobs/job-history.fixture';
import { jobSummariesProjection } from './job-summaries.projection';

const summaries = (log: ReturnType<typeof history>) => [
  ...foldEvents(jobSummariesProjection, log).values(),
];
const zero = { Queued: 0, Complete: 0, Failed: 0, Running: 0, Starting: 0, Lost: 0, Unknown: 0 };
const groups = (...names: string[]) =>
  names.map((Name) => ({ Name, Count: 1 }) as unknown as TaskGroup);

describe('job summaries projection (rm_job_summaries)', () => {
  it('a zeroed entry per group and zeroed Children, at the first version', () =>
    expect(summaries(history(cmd.register(aJob({ TaskGroups: groups('web', 'cache') }))))).toEqual([
      {
        namespace: 'default',
        jobId: 'web',
        createIndex: 1,
        modifyIndex: 1,
        lastIndex: 1,
        summary: {
          JobID: 'web',
          Namespace: 'default',
          Summary: { web: zero, cache: zero },
          Children: { Pending: 0, Running: 0, Dead: 0 },
          CreateIndex: 1,
          ModifyIndex: 1,
        },
      },
    ]));

  it('adds groups from later versions and never removes any; unchanged groups change nothing', () => {
    const log = history(
      cmd.register(aJob({ TaskGroups: groups('web') })),
      cmd.register(aJob({ TaskGroups: groups('web'), Priority: 70 })),
      cmd.register(aJob({ TaskGroups: groups('api') })),
    );
    const [row] = summaries(log);
    expect(Object.keys(row!.summary.Summary)).toEqual(['web', 'api']);
    expect(row).toMatchObject({
      createIndex: 1,
      modifyIndex: 5,
      lastIndex: 5,
      summary: { ModifyIndex: 5 },
    });
  });

  it('purge deletes the summary', () =>
    expect(summaries(history(cmd.register(), cmd.purge()))).toEqual([]));
});
