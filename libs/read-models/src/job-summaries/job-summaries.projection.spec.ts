import { aJob } from '@caravan/domain/jobs';
import type { TaskGroup } from '@caravan/nomad-api';
import { newAllocation } from '@caravan/domain/allocations';
import { foldEvents } from '../projection/fold-events';
import { recorded } from '../projection/recorded-event.fixture';
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
        allocs: {},
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

  it("counts allocations into Nomad's buckets; Complete and Failed never go down", () => {
    const S = 'default/web';
    const status = (i: number, ID: string, ClientStatus: string) =>
      recorded(i, 'AllocationClientStatusUpdated', { ID, ClientStatus, TaskStates: {} }, S);
    const log = [
      ...history(cmd.register(aJob({ TaskGroups: groups('web') }))),
      recorded(3, 'EvaluationCompleted', { ID: 'eval-0', QueuedAllocations: { web: 2 } }, S),
      recorded(
        4,
        'AllocationPlaced',
        { allocation: newAllocation({ ID: 'a', TaskGroup: 'web' }) },
        S,
      ),
      recorded(
        5,
        'AllocationPlaced',
        { allocation: newAllocation({ ID: 'b', TaskGroup: 'web' }) },
        S,
      ),
      status(6, 'a', 'running'),
      status(7, 'b', 'running'),
      status(8, 'a', 'complete'),
      status(9, 'b', 'failed'),
    ];
    const at = (n: number) => summaries(log.slice(0, n))[0]!.summary.Summary['web'];
    expect(at(3)).toMatchObject({ Queued: 2, Starting: 0 });
    expect(at(5)).toMatchObject({ Queued: 0, Starting: 2 });
    expect(at(7)).toMatchObject({ Starting: 0, Running: 2 });
    expect(at(9)).toEqual({ ...zero, Complete: 1, Failed: 1 });
  });
});
