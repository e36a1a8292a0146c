import type { DesiredUpdates } from '@caravan/domain/scheduler';
import type { Job } from '@caravan/nomad-api';
import {
  annotateJobDiff,
  FORCES_CREATE,
  FORCES_DESTROY,
  FORCES_DESTRUCTIVE,
  FORCES_IN_PLACE,
  jobDiff,
} from '..';
import { aJobSpec, withGroup, withTask } from './job-diff.fixtures';

// Given a change to a job, when its plan diff is annotated, then each task says what the
// change forces and each group counts the scheduler's decisions.

const base = aJobSpec();

function planDiff(old: Job | null, next: Job, desired: Record<string, DesiredUpdates> = {}) {
  return annotateJobDiff(jobDiff(old, next, true), desired);
}

function taskAnnotations(old: Job | null, next: Job): string[] | null {
  return planDiff(old, next).TaskGroups?.[0]?.Tasks?.[0]?.Annotations ?? null;
}

describe('annotateJobDiff: tasks', () => {
  it.each<[string, Job | null, Job, string[] | null]>([
    ['a task of a new job', null, base, [FORCES_CREATE]],
    [
      'a config change',
      base,
      withTask(base, (t) => ({ Config: { ...t.Config, image: 'x' } })),
      [FORCES_DESTRUCTIVE],
    ],
    ['a driver change', base, withTask(base, () => ({ Driver: 'exec' })), [FORCES_DESTRUCTIVE]],
    ['an env change', base, withTask(base, () => ({ Env: { MODE: 'dev' } })), [FORCES_DESTRUCTIVE]],
    [
      'a resources change',
      base,
      withTask(base, (t) => ({ Resources: { ...t.Resources, MemoryMB: 512 } })),
      [FORCES_DESTRUCTIVE],
    ],
    [
      'an artifact added',
      base,
      withTask(base, () => ({
        Artifacts: [
          {
            GetterSource: 'https://example.test/a.tgz',
            GetterOptions: null,
            GetterHeaders: null,
            GetterMode: 'any',
            GetterInsecure: false,
            RelativeDest: 'local/',
            Chown: false,
          },
        ],
      })),
      [FORCES_DESTRUCTIVE],
    ],
    [
      'only the kill timeout',
      base,
      withTask(base, () => ({ KillTimeout: 9_000_000_000 })),
      [FORCES_IN_PLACE],
    ],
    [
      'only a task constraint',
      base,
      withTask(base, () => ({
        Constraints: [{ LTarget: '${attr.cpu.arch}', RTarget: 'amd64', Operand: '=' }],
      })),
      [FORCES_IN_PLACE],
    ],
    [
      'log rotation without turning logs off',
      base,
      withTask(base, (t) => ({ LogConfig: { ...t.LogConfig, MaxFiles: 3 } })),
      [FORCES_IN_PLACE],
    ],
    [
      'turning logs off',
      base,
      withTask(base, (t) => ({ LogConfig: { ...t.LogConfig, Disabled: true } })),
      [FORCES_DESTRUCTIVE],
    ],
    ['an unchanged task (count only)', base, withGroup(base, () => ({ Count: 4 })), null],
  ])('%s', (_name, old, next, annotations) => {
    expect(taskAnnotations(old, next)).toEqual(annotations);
  });

  it('a task of a removed group forces destroy', () => {
    const withApi = {
      ...base,
      TaskGroups: [...base.TaskGroups!, { ...base.TaskGroups![0]!, Name: 'api' }],
    };
    const api = planDiff(withApi, base).TaskGroups?.find((g) => g.Name === 'api');
    expect(api?.Type).toBe('Deleted');
    expect(api?.Tasks?.[0]?.Annotations).toEqual([FORCES_DESTROY]);
  });
});

describe('annotateJobDiff: groups', () => {
  it.each([
    ['up', 5, FORCES_CREATE],
    ['down', 1, FORCES_DESTROY],
  ])('a count going %s is annotated on the Count field', (_name, count, annotation) => {
    const diff = planDiff(
      base,
      withGroup(base, () => ({ Count: count })),
    );
    const countField = diff.TaskGroups?.[0]?.Fields?.find((f) => f.Name === 'Count');
    expect(countField?.Annotations).toEqual([annotation]);
  });

  it('a new group counts up from zero', () => {
    const countField = planDiff(null, base).TaskGroups?.[0]?.Fields?.find(
      (f) => f.Name === 'Count',
    );
    expect(countField).toMatchObject({ Type: 'Added', New: '3', Annotations: [FORCES_CREATE] });
  });

  it('counts the scheduler decisions, leaving out the zero ones', () => {
    const desired: DesiredUpdates = {
      Ignore: 2,
      Place: 0,
      Migrate: 0,
      Stop: 1,
      InPlaceUpdate: 0,
      DestructiveUpdate: 3,
      Canary: 1,
      Preemptions: 0,
      Reconnect: 0,
      Disconnect: 0,
      RescheduleNow: 0,
      RescheduleLater: 0,
    };
    const next = withTask(base, () => ({ Driver: 'exec' }));
    expect(planDiff(base, next, { web: desired }).TaskGroups?.[0]?.Updates).toEqual({
      ignore: 2,
      destroy: 1,
      'create/destroy update': 3,
      canary: 1,
    });
  });

  it('without the scheduler decisions a group has no Updates', () => {
    expect(
      planDiff(
        base,
        withGroup(base, () => ({ Count: 5 })),
      ).TaskGroups?.[0]?.Updates,
    ).toBeNull();
  });
});
