import type { JobInput } from '@caravan/nomad-api';
import { canonicalizeJob } from './canonicalize';
import { formatMultiError, goDuration } from './go-format';
import { HOUR, MINUTE, SECOND } from './spec.defaults';
import { validateJob } from './validate';

const task = { Name: 'web', Driver: 'docker' };
const errorsOf = (input: JobInput) => validateJob(canonicalizeJob(input, { region: 'global' }));

describe('formatMultiError', () => {
  it('formats one error like go-multierror', () => {
    expect(formatMultiError(['Missing job ID'])).toBe('1 error occurred:\n\t* Missing job ID\n\n');
  });

  it('formats several errors, nested ones embedded verbatim', () => {
    expect(
      formatMultiError(['a', 'Task group g validation failed: 1 error occurred:\n\t* b\n\n']),
    ).toBe(
      '2 errors occurred:\n\t* a\n\t* Task group g validation failed: 1 error occurred:\n\t* b\n\n\n\n',
    );
  });
});

describe('goDuration', () => {
  it.each([
    [0, '0s'],
    [5 * SECOND, '5s'],
    [90 * SECOND, '1m30s'],
    [10 * MINUTE, '10m0s'],
    [HOUR, '1h0m0s'],
    [1_500_000, '1.5ms'],
    [-5 * SECOND, '-5s'],
    [1_500_000_000, '1.5s'],
  ])('%p prints as %p', (ns, text) => expect(goDuration(ns)).toBe(text));
});

describe('validateJob', () => {
  it('accepts a minimal service job', () => {
    expect(errorsOf({ ID: 'ok', TaskGroups: [{ Name: 'g', Tasks: [task] }] })).toEqual([]);
  });

  it('reports job-level errors all at once, in Nomad order', () => {
    const errs = errorsOf({ ID: 'has space', Name: '', Type: 'nope', Priority: 101 });
    expect(errs).toEqual([
      'Job ID contains a space',
      'Missing job name',
      'Invalid job type: "nope"',
      'Missing job task groups',
      'job priority must be between [1, 100]',
    ]);
    expect(formatMultiError(errs)).toBe(
      '5 errors occurred:\n\t* Job ID contains a space\n\t* Missing job name\n\t* Invalid job type: "nope"\n\t* Missing job task groups\n\t* job priority must be between [1, 100]\n\n',
    );
  });

  it('checks ID null characters and empty IDs', () => {
    expect(errorsOf({ ID: 'a\0b', TaskGroups: [{ Name: 'g', Tasks: [task] }] })).toEqual([
      'Job ID contains a null character',
      'Job Name contains a null character',
    ]);
    expect(errorsOf({ ID: '', Name: 'n', TaskGroups: [{ Name: 'g', Tasks: [task] }] })).toEqual([
      'Missing job ID',
    ]);
  });

  it('nests group errors under the group name', () => {
    const errs = errorsOf({ ID: 'j', TaskGroups: [{ Name: 'cache', Count: -1 }] });
    expect(errs).toEqual([
      "Task group cache validation failed: 2 errors occurred:\n\t* Task group count can't be negative\n\t* Missing tasks for task group\n\n",
    ]);
    expect(formatMultiError(errs)).toBe(
      "1 error occurred:\n\t* Task group cache validation failed: 2 errors occurred:\n\t* Task group count can't be negative\n\t* Missing tasks for task group\n\n\n\n",
    );
  });

  it('reports duplicate groups and duplicate tasks', () => {
    const errs = errorsOf({
      ID: 'j',
      TaskGroups: [
        { Name: 'g', Tasks: [task, task] },
        { Name: 'g', Tasks: [task] },
      ],
    });
    expect(errs[0]).toBe("Job task group 2 redefines 'g' from group 1");
    expect(errs[1]).toBe(
      "Task group g validation failed: 1 error occurred:\n\t* Task 2 redefines 'web' from task 1\n\n",
    );
  });

  it('nests task errors, resources twice deeper', () => {
    const errs = errorsOf({
      ID: 'j',
      TaskGroups: [{ Name: 'g', Tasks: [{ Name: 't', Resources: { CPU: 0, MemoryMB: 5 } }] }],
    });
    expect(errs).toEqual([
      'Task group g validation failed: 1 error occurred:\n\t* Task t validation failed: 2 errors occurred:\n\t* Missing task driver\n\t* 1 error occurred:\n\t* 2 errors occurred:\n\t* minimum CPU value is 1; got 0\n\t* minimum MemoryMB value is 10; got 5\n\n\n\n\n\n\n\n',
    ]);
  });

  it('rejects periodic service jobs and checks the spec', () => {
    const errs = errorsOf({
      ID: 'j',
      Periodic: { Spec: '' },
      TaskGroups: [{ Name: 'g', Tasks: [task] }],
    });
    expect(errs).toEqual([
      'Periodic can only be used with "batch" or "sysbatch" scheduler',
      '1 error occurred:\n\t* Must specify a spec\n\n',
    ]);
  });

  it('checks parameterized rules', () => {
    const errs = errorsOf({
      ID: 'j',
      Type: 'service',
      ParameterizedJob: { Payload: 'sometimes', MetaRequired: ['a', 'b'], MetaOptional: ['b'] },
      TaskGroups: [{ Name: 'g', Tasks: [task] }],
    });
    expect(errs).toEqual([
      'Parameterized job can only be used with "batch" or "sysbatch" scheduler',
      '2 errors occurred:\n\t* Unknown payload requirement: "sometimes"\n\t* Required and optional meta keys should be disjoint. Following keys exist in both: [b]\n\n',
    ]);
  });

  it('checks constraint operands', () => {
    const errs = errorsOf({
      ID: 'j',
      Constraints: [
        { LTarget: '${attr.kernel.name}', Operand: '=', RTarget: '' },
        { LTarget: 'x', Operand: 'bogus', RTarget: 'y' },
      ],
      TaskGroups: [{ Name: 'g', Tasks: [task] }],
    });
    expect(errs).toEqual([
      'Constraint 1 validation failed: 1 error occurred:\n\t* Operator "=" requires an RTarget\n\n',
      'Constraint 2 validation failed: 1 error occurred:\n\t* Unknown constraint type "bogus"\n\n',
    ]);
  });

  it('flattens restart, update and reschedule errors into the group', () => {
    const errs = errorsOf({
      ID: 'j',
      TaskGroups: [
        {
          Name: 'g',
          Tasks: [task],
          RestartPolicy: { Mode: 'sometimes', Interval: SECOND, Attempts: 1, Delay: 0 },
          Update: { HealthCheck: 'vibes', AutoPromote: true, MinHealthyTime: 10 * MINUTE },
          ReschedulePolicy: { Delay: SECOND },
        },
      ],
    });
    expect(errs).toHaveLength(1);
    const text = errs[0] ?? '';
    expect(text).toContain('\t* Unsupported restart mode: "sometimes"\n');
    expect(text).toContain('\t* Interval can not be less than 5s (got 1s)\n');
    expect(text).toContain('\t* Invalid health check given: "vibes"\n');
    expect(text).toContain('\t* Auto Promote requires a Canary count greater than zero\n');
    expect(text).toContain(
      '\t* Minimum healthy time must be less than healthy deadline: 10m0s > 5m0s\n',
    );
    expect(text).toContain('\t* Delay cannot be less than 5s (got 1s)\n');
  });

  it('rejects update and migrate blocks on batch jobs and reschedule on system jobs', () => {
    const batch = errorsOf({
      ID: 'j',
      Type: 'batch',
      Update: {},
      TaskGroups: [{ Name: 'g', Tasks: [task], Migrate: {} }],
    });
    expect(batch[0]).toContain('\t* Job type "batch" does not allow update block\n');
    expect(batch[0]).toContain('\t* Job type "batch" does not allow migrate block\n');
    const system = errorsOf({
      ID: 'j',
      Type: 'system',
      TaskGroups: [{ Name: 'g', Count: 2, Tasks: [task], ReschedulePolicy: {} }],
    });
    expect(system[0]).toBe(
      'Job task group g has count 2. Count cannot exceed 1 with system scheduler',
    );
    expect(system[1]).toBe(
      'Task group g validation failed: 1 error occurred:\n\t* System or sysbatch jobs should not have a reschedule policy\n\n',
    );
  });

  it('enforces job_max_count over the sum of groups', () => {
    const errs = validateJob(
      canonicalizeJob(
        {
          ID: 'j',
          TaskGroups: [
            { Name: 'a', Count: 3, Tasks: [task] },
            { Name: 'b', Count: 3, Tasks: [task] },
          ],
        },
        { region: 'global' },
      ),
      { maxCount: 5 },
    );
    expect(errs).toEqual(['total count was greater than configured job_max_count: 6 > 5']);
  });

  it('reports the misspelled KillTimout for service jobs', () => {
    const errs = errorsOf({
      ID: 'j',
      TaskGroups: [{ Name: 'g', Tasks: [{ ...task, KillTimeout: 11 * MINUTE }] }],
    });
    expect(errs[0]).toContain(
      "KillTimout (11m0s) longer than the group's ProgressDeadline (10m0s)",
    );
  });
});
