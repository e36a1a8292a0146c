import type { Job } from '@caravan/nomad-api';
import { jobDiff, type FieldDiff, type JobDiff, type ObjectDiff } from '..';
import { aJobSpec, field, group, object, task } from './job-diff.fixtures';

// Given two versions of a job, when diffed, then the diff names what changed as Nomad does.

const base = aJobSpec();

describe('jobDiff: whole jobs', () => {
  it.each<[string, Job | null, Job | null, JobDiff['Type']]>([
    ['a new job is Added', null, base, 'Added'],
    ['a removed job is Deleted', base, null, 'Deleted'],
    ['the same spec is None', base, aJobSpec(), 'None'],
    [
      'bookkeeping (version, indexes, status, submit time) is no change',
      base,
      {
        ...base,
        Version: 4,
        JobModifyIndex: 90,
        ModifyIndex: 91,
        Status: 'running',
        SubmitTime: 7,
      },
      'None',
    ],
    ['a changed priority is Edited', base, { ...base, Priority: 70 }, 'Edited'],
  ])('%s', (_name, old, next, type) => {
    expect(jobDiff(old, next, false).Type).toBe(type);
  });

  it('shows every field, group and task of a new job as Added', () => {
    const diff = jobDiff(null, base, false);
    expect(diff.ID).toBe('web');
    expect(diff.Fields).toContainEqual(field('Added', 'Priority', '', '50'));
    expect(diff.Fields?.every((f) => f.Type === 'Added')).toBe(true);
    expect(group(diff)).toMatchObject({ Type: 'Added', Name: 'web' });
    expect(group(diff).Fields).toContainEqual(field('Added', 'Count', '', '3'));
    expect(task(diff)).toMatchObject({ Type: 'Added', Name: 'app' });
    expect(object(task(diff).Objects, 'Config').Fields).toEqual([
      field('Added', 'args[0]', '', '-g'),
      field('Added', 'args[1]', '', 'daemon off;'),
      field('Added', 'image', '', 'nginx:1.25'),
    ]);
  });

  it('shows a deleted job with its old values and empty new ones', () => {
    const diff = jobDiff(base, null, false);
    expect(diff.Fields).toContainEqual(field('Deleted', 'Type', 'service', ''));
    expect(task(diff).Type).toBe('Deleted');
  });

  it('never lists the server-owned fields', () => {
    const names = (jobDiff(null, base, false).Fields ?? []).map((f) => f.Name);
    for (const hidden of ['ID', 'Version', 'Status', 'SubmitTime', 'JobModifyIndex', 'Stable']) {
      expect(names).not.toContain(hidden);
    }
  });
});

describe('jobDiff: fields, maps and sets', () => {
  it.each<[string, Job, Job, FieldDiff[]]>([
    [
      'a Meta key added',
      base,
      aJobSpec({ Meta: { owner: 'ops' } }),
      [field('Added', 'Meta[owner]', '', 'ops')],
    ],
    [
      'a Meta key edited',
      aJobSpec({ Meta: { owner: 'ops' } }),
      aJobSpec({ Meta: { owner: 'dev' } }),
      [field('Edited', 'Meta[owner]', 'ops', 'dev')],
    ],
    [
      'a Meta key removed and another added',
      aJobSpec({ Meta: { owner: 'ops' } }),
      aJobSpec({ Meta: { team: 'a' } }),
      [field('Deleted', 'Meta[owner]', 'ops', ''), field('Added', 'Meta[team]', '', 'a')],
    ],
  ])('%s', (_name, old, next, fields) => {
    expect(jobDiff(old, next, false).Fields).toEqual(fields);
  });

  it.each<[string, string[], string[], ObjectDiff | undefined]>([
    [
      'a datacenter added',
      ['dc1'],
      ['dc1', 'dc2'],
      {
        Type: 'Added',
        Name: 'Datacenters',
        Fields: [field('Added', 'Datacenters', '', 'dc2')],
        Objects: null,
      },
    ],
    [
      'a datacenter removed',
      ['dc1', 'dc2'],
      ['dc2'],
      {
        Type: 'Deleted',
        Name: 'Datacenters',
        Fields: [field('Deleted', 'Datacenters', 'dc1', '')],
        Objects: null,
      },
    ],
    [
      'one swapped for another',
      ['dc1'],
      ['dc3'],
      {
        Type: 'Edited',
        Name: 'Datacenters',
        Fields: [
          field('Added', 'Datacenters', '', 'dc3'),
          field('Deleted', 'Datacenters', 'dc1', ''),
        ],
        Objects: null,
      },
    ],
    ['only the order changed', ['dc1', 'dc2'], ['dc2', 'dc1'], undefined],
  ])('Datacenters as a set: %s', (_name, old, next, expected) => {
    const diff = jobDiff(aJobSpec({ Datacenters: old }), aJobSpec({ Datacenters: next }), false);
    expect(diff.Objects?.find((o) => o.Name === 'Datacenters')).toEqual(expected);
  });

  const kernel = { LTarget: '${attr.kernel.name}', RTarget: 'linux', Operand: '=' };
  const arch = { LTarget: '${attr.cpu.arch}', RTarget: 'amd64', Operand: '=' };

  it.each([
    ['added', [kernel], [kernel, arch], ['Added']],
    ['removed', [kernel, arch], [kernel], ['Deleted']],
    [
      'edited: the old one Deleted and the new one Added',
      [arch],
      [{ ...arch, RTarget: 'arm64' }],
      ['Added', 'Deleted'],
    ],
  ])('a job constraint %s', (_name, old, next, types) => {
    const diff = jobDiff(aJobSpec({ Constraints: old }), aJobSpec({ Constraints: next }), false);
    const constraints = (diff.Objects ?? []).filter((o) => o.Name === 'Constraint');
    expect(constraints.map((o) => o.Type)).toEqual(types);
  });

  it('names a constraint by its parts', () => {
    const diff = jobDiff(base, aJobSpec({ Constraints: [arch] }), false);
    expect(object(diff.Objects, 'Constraint').Fields).toEqual([
      field('Added', 'LTarget', '', '${attr.cpu.arch}'),
      field('Added', 'Operand', '', '='),
      field('Added', 'RTarget', '', 'amd64'),
    ]);
  });
});
