/* eslint-disable @typescript-eslint/no-explicit-any -- assertions read decoded, untyped JSON */
import {
  decodeEvaluateRequest,
  decodeRegisterRequest,
  decodeRevertRequest,
} from './decode-job-requests';

const messageOf = (fn: () => unknown): { status?: number; message: string } => {
  try {
    fn();
  } catch (err) {
    return { status: (err as { status?: number }).status, message: (err as Error).message };
  }
  throw new Error('expected a decode error');
};

describe('request decoding (Go encoding/json into Nomad request structs)', () => {
  it('binds keys case-insensitively, renaming them to the Go field names', () => {
    const request = decodeRegisterRequest({
      job: {
        id: 'web',
        TASKGROUPS: [{ name: 'g', tasks: [{ NAME: 't', resources: { cpu: 5 } }] }],
      },
      enforceindex: true,
      JOBMODIFYINDEX: 7,
    });
    expect(request.EnforceIndex).toBe(true);
    expect(request.JobModifyIndex).toBe(7);
    expect(request.Job).toEqual({
      ID: 'web',
      TaskGroups: [{ Name: 'g', Tasks: [{ Name: 't', Resources: { CPU: 5 } }] }],
    });
  });

  it('keeps user keys of maps as they are (Meta, Env, driver Config)', () => {
    const request = decodeRegisterRequest({
      Job: {
        ID: 'x',
        meta: { Team: 'a', team: 'b' },
        TaskGroups: [{ Tasks: [{ config: { Image: 'r' }, env: { PATH: '/bin' } }] }],
      },
    });
    const job = request.Job as any;
    expect(job.Meta).toEqual({ Team: 'a', team: 'b' });
    expect(job.TaskGroups[0].Tasks[0]).toEqual({ Config: { Image: 'r' }, Env: { PATH: '/bin' } });
  });

  it('ignores unknown keys at the top level; the last duplicate wins', () => {
    const request = decodeRegisterRequest({ Nope: 1, PreserveCounts: false, preservecounts: true });
    expect(request).toMatchObject({ PreserveCounts: true });
    expect('Nope' in request).toBe(false);
  });

  it('decodes null to the zero struct and rejects non-objects like Go', () => {
    expect(decodeRegisterRequest(null).Job).toBeUndefined();
    expect(messageOf(() => decodeRegisterRequest([1]))).toEqual({
      status: 400,
      message: 'json: cannot unmarshal array into Go value of type api.JobRegisterRequest',
    });
  });

  it.each([
    [
      { EnforceIndex: 'yes' },
      'json: cannot unmarshal string into Go struct field JobRegisterRequest.EnforceIndex of type bool',
    ],
    [
      { JobModifyIndex: -1 },
      'json: cannot unmarshal number -1 into Go struct field JobRegisterRequest.JobModifyIndex of type uint64',
    ],
    [
      { EvalPriority: 1.5 },
      'json: cannot unmarshal number 1.5 into Go struct field JobRegisterRequest.EvalPriority of type int',
    ],
    [
      { Job: 'x' },
      'json: cannot unmarshal string into Go struct field JobRegisterRequest.Job of type *api.Job',
    ],
    [
      { Job: { Priority: '5' } },
      'json: cannot unmarshal string into Go struct field JobRegisterRequest.Job.Priority of type int',
    ],
    [
      { Job: { TaskGroups: [{ Count: true }] } },
      'json: cannot unmarshal bool into Go struct field JobRegisterRequest.Job.TaskGroups.Count of type int',
    ],
    [
      { Job: { Meta: { a: 1 } } },
      'json: cannot unmarshal number into Go struct field JobRegisterRequest.Job.Meta of type string',
    ],
    [
      { Job: { TaskGroups: [{ Tasks: [{ KillTimeout: '5s' }] }] } },
      'json: cannot unmarshal string into Go struct field JobRegisterRequest.Job.TaskGroups.Tasks.KillTimeout of type time.Duration',
    ],
    [
      { Submission: { Source: 5 } },
      'json: cannot unmarshal number into Go struct field JobRegisterRequest.Submission.Source of type string',
    ],
  ])('%j → 400 %p', (body, message) => {
    expect(messageOf(() => decodeRegisterRequest(body))).toEqual({ status: 400, message });
  });

  it('reports the first misfit in document order', () => {
    expect(
      messageOf(() => decodeRegisterRequest({ PreserveCounts: 1, EnforceIndex: 'x' })).message,
    ).toContain('JobRegisterRequest.PreserveCounts of type bool');
  });

  it('decodes the struct bodies of revert and evaluate', () => {
    expect(
      decodeRevertRequest({ jobid: 'a', jobversion: 2, enforcepriorversion: 3 }),
    ).toMatchObject({
      JobID: 'a',
      JobVersion: 2,
      EnforcePriorVersion: 3,
    });
    expect(
      decodeEvaluateRequest({ JobID: 'a', evaloptions: { forcereschedule: true } }).EvalOptions,
    ).toEqual({
      ForceReschedule: true,
    });
    expect(messageOf(() => decodeRevertRequest({ JobVersion: 'one' })).message).toBe(
      'json: cannot unmarshal string into Go struct field JobRevertRequest.JobVersion of type uint64',
    );
  });

  it('keeps int64 values beyond 2^53 exact', () => {
    const request = decodeRegisterRequest({ Job: { ID: 'x', SubmitTime: 1700000000123456789n } });
    expect((request.Job as any).SubmitTime).toBe(1700000000123456789n);
  });
});
