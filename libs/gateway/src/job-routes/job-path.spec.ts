import { parseJobPath } from './job-path';

describe('parseJobPath (Nomad suffix routing under /v1/job/)', () => {
  it.each([
    ['example', 'example', null],
    ['example/summary', 'example', 'summary'],
    ['example/versions', 'example', 'versions'],
    ['example/evaluations', 'example', 'evaluations'],
    ['example/evaluate', 'example', 'evaluate'],
    ['example/deployments', 'example', 'deployments'],
    ['example/deployment', 'example', 'deployment'],
    ['example/periodic/force', 'example', 'periodic/force'],
    ['example/dispatch/payload', 'example', 'dispatch/payload'],
    ['batch/dispatch-1700000000-abcd1234', 'batch/dispatch-1700000000-abcd1234', null],
    ['batch/periodic-1700000000/allocations', 'batch/periodic-1700000000', 'allocations'],
    ['team/summary-report', 'team/summary-report', null],
    ['team/summary-report/summary', 'team/summary-report', 'summary'],
    ['summary', 'summary', null],
    ['', '', null],
    ['foo/plan', 'foo', 'plan'], // unaddressable as a job, as in Nomad
  ])('%p → job %p, action %p', (rest, jobId, action) => {
    expect(parseJobPath(rest)).toEqual({ jobId, action });
  });

  it('reads the version tag form <id>/versions/<name>/tag', () => {
    expect(parseJobPath('a/b/versions/golden/tag')).toEqual({
      jobId: 'a/b',
      action: 'tag',
      tag: 'golden',
    });
  });
});
