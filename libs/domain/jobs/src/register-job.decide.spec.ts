import type { EvaluationCreated } from '@caravan/domain/evaluations';
import type { RegisterJob, RevertJob } from './job.commands';
import { aJob, given, NOW, registered, stored } from './job.fixtures';
import { evaluationCreated } from './job-evaluation';

const register = (job = aJob(), overrides: Partial<RegisterJob> = {}): RegisterJob => ({
  type: 'RegisterJob',
  job,
  enforceIndex: false,
  jobModifyIndex: 0,
  preserveCounts: false,
  evalId: 'eval-1',
  now: NOW,
  actor: 'anonymous',
  ...overrides,
});

const revert = (jobVersion: number, overrides: Partial<RevertJob> = {}): RevertJob => ({
  type: 'RevertJob',
  namespace: 'default',
  jobId: 'web',
  jobVersion,
  evalId: 'eval-2',
  now: NOW + 5n,
  actor: 'anonymous',
  ...overrides,
});

const registerEval = (
  jobModifyIndex: number | 'preceding-event',
  overrides: { evalId?: string; priority?: number; now?: bigint } = {},
): EvaluationCreated =>
  evaluationCreated({
    evalId: overrides.evalId ?? 'eval-1',
    now: overrides.now ?? NOW,
    namespace: 'default',
    jobId: 'web',
    type: 'service',
    priority: overrides.priority ?? 50,
    trigger: 'job-register',
    jobModifyIndex,
  });

const v0 = stored(aJob(), 0, 1n);
const v1 = stored(aJob({ Priority: 60 }), 1, 2n);

describe('job decider: register', () => {
  describe('when absent', () => {
    it('registers version 0 with SubmitTime now, unstable, and a job-register evaluation', () =>
      given()
        .when(register())
        .then([registered(stored(aJob(), 0)), registerEval('preceding-event')]));

    it('takes the submission and an eval priority override', () => {
      const submission = {
        Source: 'job "web" {}',
        Format: 'hcl2',
        VariableFlags: null,
        Variables: '',
      };
      given()
        .when(register(aJob(), { submission, evalPriority: 90 }))
        .then([
          {
            type: 'JobVersionRegistered',
            schemaVersion: 1,
            data: { job: stored(aJob(), 0), createIndex: null, submission },
          },
          registerEval('preceding-event', { priority: 90 }),
        ]);
    });

    it('creates no evaluation for a periodic or a parameterized parent', () => {
      const periodic = aJob({
        Type: 'batch',
        Periodic: {
          Enabled: false,
          Spec: '@daily',
          Specs: null,
          SpecType: 'cron',
          ProhibitOverlap: false,
          TimeZone: 'UTC',
        },
      });
      given()
        .when(register(periodic))
        .then([registered(stored(periodic, 0))]);
      const parameterized = aJob({
        Type: 'batch',
        ParameterizedJob: { Payload: 'optional', MetaRequired: null, MetaOptional: null },
      });
      given()
        .when(register(parameterized))
        .then([registered(stored(parameterized, 0))]);
    });

    it('EnforceIndex 0 accepts a new job; any other index fails', () => {
      given()
        .when(register(aJob(), { enforceIndex: true, jobModifyIndex: 0 }))
        .then([registered(stored(aJob(), 0)), registerEval('preceding-event')]);
      given()
        .when(register(aJob(), { enforceIndex: true, jobModifyIndex: 5 }))
        .thenThrows(
          'JOB_ENFORCE_INDEX_CONFLICT',
          'Enforcing job modify index 5: job does not exist',
        );
    });
  });

  describe('when registered', () => {
    it('a changed spec makes the next version, keeping CreateIndex', () =>
      given(registered(v0))
        .when(register(aJob({ Priority: 70 })))
        .then([
          registered(stored(aJob({ Priority: 70 }), 1), 1),
          registerEval('preceding-event', { priority: 70 }),
        ]));

    it('an unchanged spec writes no version but still an evaluation, at the current JobModifyIndex', () =>
      given(registered(v0), registered(v1, 1))
        .when(register(aJob({ Priority: 60 })))
        .then([registerEval(2, { priority: 60 })]));

    it('an unchanged periodic job writes nothing', () => {
      const periodic = aJob({
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
      given(registered(stored(periodic, 0)))
        .when(register(periodic))
        .then([]);
    });

    it('EnforceIndex passes on the current JobModifyIndex and fails on another or on 0', () => {
      const history = [registered(v0), registered(v1, 1)];
      given(...history)
        .when(register(aJob({ Priority: 80 }), { enforceIndex: true, jobModifyIndex: 2 }))
        .then([
          registered(stored(aJob({ Priority: 80 }), 2), 1),
          registerEval('preceding-event', { priority: 80 }),
        ]);
      given(...history)
        .when(register(aJob({ Priority: 80 }), { enforceIndex: true, jobModifyIndex: 5 }))
        .thenThrows(
          'JOB_ENFORCE_INDEX_CONFLICT',
          'Enforcing job modify index 5: job exists with conflicting job modify index: 2',
        );
      given(...history)
        .when(register(aJob(), { enforceIndex: true, jobModifyIndex: 0 }))
        .thenThrows(
          'JOB_ENFORCE_INDEX_CONFLICT',
          'Enforcing job modify index 0: job already exists',
        );
    });

    it('ignores JobModifyIndex without EnforceIndex', () =>
      given(registered(v0))
        .when(register(aJob({ Priority: 70 }), { jobModifyIndex: 99 }))
        .then([
          registered(stored(aJob({ Priority: 70 }), 1), 1),
          registerEval('preceding-event', { priority: 70 }),
        ]));

    it('refuses to change the type, periodicity or parameterization', () => {
      given(registered(v0))
        .when(register(aJob({ Type: 'batch' })))
        .thenThrows('JOB_INVALID_UPDATE', 'cannot update job from type "service" to "batch"');
      const batch = stored(aJob({ Type: 'batch' }), 0);
      given(registered(batch))
        .when(
          register(
            aJob({
              Type: 'batch',
              Periodic: {
                Enabled: true,
                Spec: '',
                Specs: ['@daily'],
                SpecType: 'cron',
                ProhibitOverlap: false,
                TimeZone: 'UTC',
              },
            }),
          ),
        )
        .thenThrows('JOB_INVALID_UPDATE', 'cannot update non-periodic job to being periodic');
      given(registered(batch))
        .when(
          register(
            aJob({
              Type: 'batch',
              ParameterizedJob: { Payload: 'optional', MetaRequired: null, MetaOptional: null },
            }),
          ),
        )
        .thenThrows(
          'JOB_INVALID_UPDATE',
          'cannot update non-parameterized job to being parameterized',
        );
    });

    it('PreserveCounts keeps the current counts, so a count-only change is unchanged', () =>
      given(registered(v0))
        .when(
          register(aJob({ TaskGroups: [{ Name: 'web', Count: 9 }] as never }), {
            preserveCounts: true,
          }),
        )
        .then([registerEval(1)]));

    it('a stopped job registered again is a new version without Stop', () => {
      const stoppedV1 = { ...stored(aJob(), 1, 2n), Stop: true };
      given(registered(v0), {
        type: 'JobStopped',
        schemaVersion: 1,
        data: { job: stoppedV1, createIndex: 1, submission: null },
      })
        .when(register(aJob()))
        .then([registered(stored(aJob(), 2), 1), registerEval('preceding-event')]);
    });

    it('after a purge, registers a fresh incarnation at version 0', () =>
      given(registered(v0), {
        type: 'JobPurged',
        schemaVersion: 1,
        data: { namespace: 'default', jobId: 'web' },
      })
        .when(register())
        .then([registered(stored(aJob(), 0)), registerEval('preceding-event')]));
  });
});

describe('job decider: revert', () => {
  const history = [registered(v0), registered(v1, 1)];

  it('registers the old spec as a new version, unstable and untagged, with its submission', () =>
    given(...history)
      .when(revert(0))
      .then([
        {
          type: 'JobReverted',
          schemaVersion: 1,
          data: {
            job: stored(aJob(), 2, NOW + 5n),
            createIndex: 1,
            submission: null,
            revertedToVersion: 0,
          },
        },
        registerEval('preceding-event', { evalId: 'eval-2', now: NOW + 5n }),
      ]));

  it('refuses the current version, an unknown version, an unknown job', () => {
    given(...history)
      .when(revert(1))
      .thenThrows('JOB_REVERT_TO_CURRENT_VERSION', "can't revert to current version");
    given(...history)
      .when(revert(7))
      .thenThrows(
        'JOB_VERSION_NOT_FOUND',
        'job "web" in namespace "default" at version 7 not found',
      );
    given().when(revert(0)).thenThrows('JOB_NOT_FOUND', 'job "web" not found');
  });

  it('EnforcePriorVersion must name the current version', () => {
    given(...history)
      .when(revert(0, { enforcePriorVersion: 0 }))
      .thenThrows('JOB_PRIOR_VERSION_MISMATCH', 'Current job has version 1; enforcing version 0');
    expect(given(...history).state).toMatchObject({ status: 'active', jobModifyIndex: 2 });
    given(...history)
      .when(revert(0, { enforcePriorVersion: 1 }))
      .then([
        {
          type: 'JobReverted',
          schemaVersion: 1,
          data: {
            job: stored(aJob(), 2, NOW + 5n),
            createIndex: 1,
            submission: null,
            revertedToVersion: 0,
          },
        },
        registerEval('preceding-event', { evalId: 'eval-2', now: NOW + 5n }),
      ]);
  });

  it('reverting to a spec equal to the current one only creates an evaluation', () =>
    given(registered(v0), registered(v1, 1), registered(stored(aJob(), 2, 3n), 1))
      .when(revert(0))
      .then([registerEval(3, { evalId: 'eval-2', now: NOW + 5n })]));
});
