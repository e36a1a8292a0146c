import type { DeregisterJob, EvaluateJob, SetJobStability } from './job.commands';
import type { JobEvent } from './job.events';
import { aJob, given, NOW, registered, stored } from './job.fixtures';
import { evaluationCreated } from './job-evaluation';
import { versionToPrune } from './job-retention';

const ref = { namespace: 'default', jobId: 'web' };
// any stop version: the retention tests look only at what is pruned
const aStop = expect.objectContaining({ type: 'JobStopped' }) as JobEvent;
const meta = { now: NOW + 9n, actor: 'anonymous' };
const deregister = (purge: boolean, evalPriority?: number): DeregisterJob => ({
  type: 'DeregisterJob',
  ...ref,
  purge,
  evalPriority,
  evalId: 'eval-9',
  ...meta,
});
const stable = (jobVersion: number, isStable: boolean): SetJobStability => ({
  type: 'SetJobStability',
  ...ref,
  jobVersion,
  stable: isStable,
  ...meta,
});
const evaluate = (forceReschedule = false): EvaluateJob => ({
  type: 'EvaluateJob',
  ...ref,
  forceReschedule,
  evalId: 'eval-9',
  ...meta,
});
const stabilityChanged = (version: number, isStable: boolean): JobEvent => ({
  type: 'JobVersionStabilityChanged',
  schemaVersion: 1,
  data: { ...ref, version, stable: isStable },
});
const pruned = (version: number, reason: 'retention' | 'purge'): JobEvent => ({
  type: 'JobVersionPruned',
  schemaVersion: 1,
  data: { ...ref, version, reason },
});
const deregisterEval = (priority: number) =>
  evaluationCreated({
    evalId: 'eval-9',
    now: NOW + 9n,
    ...ref,
    type: 'service',
    priority,
    trigger: 'job-deregister',
    jobModifyIndex: 'preceding-event',
  });

/** versions 0..n-1, each a changed spec */
const versions = (n: number): JobEvent[] =>
  Array.from({ length: n }, (_, k) =>
    registered(stored(aJob({ Priority: 10 + k }), k, BigInt(k)), k === 0 ? null : 1),
  );

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

describe('job decider: stop and purge', () => {
  it('stop makes a new version with Stop and SubmitTime now, and a job-deregister service evaluation', () => {
    const batch = stored(aJob({ Type: 'batch', Priority: 0 }), 0, 1n);
    given(registered(batch))
      .when(deregister(false))
      .then([
        {
          type: 'JobStopped',
          schemaVersion: 1,
          data: {
            job: { ...batch, Stop: true, Version: 1, SubmitTime: NOW + 9n },
            createIndex: 1,
            submission: null,
          },
        },
        deregisterEval(50),
      ]);
  });

  it('stopping a stopped job bumps the version again; eval_priority overrides', () => {
    const stopped = { ...stored(aJob(), 1, 2n), Stop: true };
    given(registered(stored(aJob(), 0, 1n)), {
      type: 'JobStopped',
      schemaVersion: 1,
      data: { job: stopped, createIndex: 1, submission: null },
    })
      .when(deregister(false, 80))
      .then([
        {
          type: 'JobStopped',
          schemaVersion: 1,
          data: {
            job: { ...stopped, Version: 2, SubmitTime: NOW + 9n },
            createIndex: 1,
            submission: null,
          },
        },
        deregisterEval(80),
      ]);
  });

  it('purge drops every tracked version, then the job, then evaluates', () =>
    given(...versions(3))
      .when(deregister(true))
      .then([
        pruned(2, 'purge'),
        pruned(1, 'purge'),
        pruned(0, 'purge'),
        { type: 'JobPurged', schemaVersion: 1, data: ref },
        deregisterEval(12),
      ]));

  it('a periodic parent is stopped without an evaluation', () =>
    given(registered(stored(periodic, 0, 1n)))
      .when(deregister(false))
      .then([
        {
          type: 'JobStopped',
          schemaVersion: 1,
          data: {
            job: { ...stored(periodic, 1, NOW + 9n), Stop: true },
            createIndex: 1,
            submission: null,
          },
        },
      ]));

  it('an unknown or purged job: nothing happens', () => {
    given().when(deregister(false)).then([]);
    given(registered(stored(aJob(), 0)), { type: 'JobPurged', schemaVersion: 1, data: ref })
      .when(deregister(true))
      .then([]);
  });
});

describe('job decider: stability', () => {
  it('marks a tracked version stable, and unmarks it (Stable omitted means false)', () => {
    given(...versions(2))
      .when(stable(0, true))
      .then([stabilityChanged(0, true)]);
    given(...versions(2), stabilityChanged(0, true))
      .when(stable(0, false))
      .then([stabilityChanged(0, false)]);
  });

  it('writes nothing when the flag is already set', () =>
    given(...versions(2), stabilityChanged(1, true))
      .when(stable(1, true))
      .then([]));

  it('refuses an unknown version or job', () => {
    given(...versions(2))
      .when(stable(4, true))
      .thenThrows(
        'JOB_VERSION_NOT_FOUND',
        'job "web" in namespace "default" at version 4 not found',
      );
    given()
      .when(stable(0, true))
      .thenThrows(
        'JOB_VERSION_NOT_FOUND',
        'job "web" in namespace "default" at version 0 not found',
      );
  });
});

describe('job decider: evaluate', () => {
  it('creates a job-register evaluation at the job ModifyIndex, carrying ForceReschedule', () =>
    given(...versions(2), stabilityChanged(1, true))
      .when(evaluate(true))
      .then([
        evaluationCreated({
          evalId: 'eval-9',
          now: NOW + 9n,
          ...ref,
          type: 'service',
          priority: 11,
          trigger: 'job-register',
          jobModifyIndex: 3,
          forceReschedule: true,
        }),
      ]));

  it('refuses unknown, periodic and parameterized jobs', () => {
    given().when(evaluate()).thenThrows('JOB_NOT_FOUND', 'job not found');
    given(registered(stored(periodic, 0)))
      .when(evaluate())
      .thenThrows('JOB_CANNOT_EVALUATE', "can't evaluate periodic job");
    const parameterized = aJob({
      Type: 'batch',
      ParameterizedJob: { Payload: 'optional', MetaRequired: null, MetaOptional: null },
    });
    given(registered(stored(parameterized, 0)))
      .when(evaluate())
      .thenThrows('JOB_CANNOT_EVALUATE', "can't evaluate parameterized job");
  });
});

describe('job decider: retention (job_tracked_versions = 6)', () => {
  it('keeps six versions: the seventh prunes the oldest, before the new version event', () => {
    given(...versions(5))
      .when(deregister(false))
      .then([aStop, deregisterEval(14)]);
    given(...versions(6))
      .when(deregister(false))
      .then([pruned(0, 'retention'), aStop, deregisterEval(15)]);
  });

  it('never prunes the newest stable version: the next newer one goes instead', () =>
    given(...versions(6), stabilityChanged(0, true))
      .when(deregister(false))
      .then([pruned(1, 'retention'), aStop, deregisterEval(15)]));

  it('an older stable version than the newest stable one can go', () =>
    given(...versions(6), stabilityChanged(0, true), stabilityChanged(3, true))
      .when(deregister(false))
      .then([pruned(0, 'retention'), aStop, deregisterEval(15)]));

  it('tagged versions neither count nor get pruned', () => {
    const tag = { Name: 'golden', Description: '', TaggedTime: 1 };
    const jobs = Array.from({ length: 7 }, (_, k) => stored(aJob(), k, 0n, false));
    expect(versionToPrune(jobs)).toBe(0);
    expect(versionToPrune([{ ...jobs[0]!, VersionTag: tag }, ...jobs.slice(1)])).toBeNull();
    expect(
      versionToPrune([{ ...jobs[0]!, VersionTag: tag }, ...jobs.slice(1), stored(aJob(), 7, 0n)]),
    ).toBe(1);
  });

  it('the state tracks exactly the retained versions', () => {
    const stop = (version: number): JobEvent => ({
      type: 'JobStopped',
      schemaVersion: 1,
      data: { job: { ...stored(aJob(), version), Stop: true }, createIndex: 1, submission: null },
    });
    const { state } = given(...versions(6), pruned(0, 'retention'), stop(6));
    expect(state.status === 'active' && state.versions.map((v) => v.job.Version)).toEqual([
      6, 5, 4, 3, 2, 1,
    ]);
  });
});
