import { aJob, NOW, registered, stored } from './job.fixtures';
import { evaluationCreated } from './job-evaluation';
import { jobStream, planJobAppends } from './job.streams';

const ref = { namespace: 'prod', jobId: 'api' };
const evaluation = evaluationCreated({
  evalId: 'e1',
  now: NOW,
  ...ref,
  type: 'service',
  priority: 50,
  trigger: 'job-register',
  jobModifyIndex: 'preceding-event',
});
const version = registered(stored(aJob({ ID: 'api', Namespace: 'prod' }), 0));

describe('planJobAppends', () => {
  it('names the job stream by namespace and id, partitioned by job', () =>
    expect(jobStream(ref)).toEqual({
      id: 'job-prod/api',
      category: 'job',
      partitionKey: 'prod/api',
    }));

  it('puts the job events first, then one new stream per evaluation, same partition key', () =>
    expect(planJobAppends(ref, 0, [version, evaluation])).toEqual([
      { stream: jobStream(ref), expectedVersion: 0, events: [version] },
      {
        stream: { id: 'evaluation-e1', category: 'evaluation', partitionKey: 'prod/api' },
        expectedVersion: 'no_stream',
        events: [evaluation],
      },
    ]));

  it('guards an evaluation-only decision with the job stream version', () =>
    expect(planJobAppends(ref, 4, [evaluation])[0]).toEqual({
      stream: jobStream(ref),
      expectedVersion: 4,
      events: [],
    }));

  it('appends nothing for an empty decision', () => expect(planJobAppends(ref, 3, [])).toEqual([]));
});
