import { aJob } from '@caravan/domain/jobs';
import type { Job, JobSummary } from '@caravan/nomad-api';
import { toJobListStub } from './job-list-stub';

const summary: JobSummary = {
  JobID: 'web',
  Namespace: 'default',
  Summary: {},
  Children: { Pending: 0, Running: 0, Dead: 0 },
  CreateIndex: 7,
  ModifyIndex: 9,
};

describe('toJobListStub (Nomad Job.Stub)', () => {
  const job: Job = {
    ...aJob(),
    ID: 'web',
    Name: 'web',
    Status: 'pending',
    SubmitTime: 1700000000123456789n,
  };

  it('has exactly Nomad stub keys, in order, with the summary embedded', () => {
    const stub = toJobListStub(job, summary, false);
    expect(Object.keys(stub)).toEqual([
      'ID',
      'ParentID',
      'Name',
      'Namespace',
      'Datacenters',
      'NodePool',
      'Multiregion',
      'Type',
      'Priority',
      'Periodic',
      'ParameterizedJob',
      'Stop',
      'Status',
      'StatusDescription',
      'JobSummary',
      'CreateIndex',
      'ModifyIndex',
      'JobModifyIndex',
      'SubmitTime',
    ]);
    expect(stub.JobSummary).toBe(summary);
    expect(stub.SubmitTime).toBe(1700000000123456789n);
    expect(stub.Periodic).toBe(false);
    expect(stub.ParameterizedJob).toBe(false);
  });

  it('marks periodic jobs even when disabled, parameterized parents but not children', () => {
    const periodic = {
      ...job,
      Periodic: {
        Enabled: false,
        Spec: '',
        Specs: ['@daily'],
        SpecType: 'cron',
        ProhibitOverlap: false,
        TimeZone: 'UTC',
      },
    };
    expect(toJobListStub(periodic, null, false).Periodic).toBe(true);
    const parent = {
      ...job,
      ParameterizedJob: { Payload: 'optional', MetaRequired: null, MetaOptional: null },
    };
    expect(toJobListStub(parent, null, false).ParameterizedJob).toBe(true);
    expect(toJobListStub({ ...parent, Dispatched: true }, null, false).ParameterizedJob).toBe(
      false,
    );
  });

  it('adds Meta only with meta=true and a non-empty map', () => {
    expect('Meta' in toJobListStub({ ...job, Meta: { team: 'a' } }, null, false)).toBe(false);
    expect(toJobListStub({ ...job, Meta: { team: 'a' } }, null, true).Meta).toEqual({ team: 'a' });
    expect('Meta' in toJobListStub({ ...job, Meta: null }, null, true)).toBe(false);
  });
});
