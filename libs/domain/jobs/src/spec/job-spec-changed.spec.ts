import type { Job } from '@caravan/nomad-api';
import { canonicalizeJob } from './canonicalize';
import { jobSpecChanged } from './job-spec-changed';

const base = (): Job =>
  canonicalizeJob(
    {
      ID: 'web',
      Meta: { team: 'a' },
      TaskGroups: [{ Name: 'g', Count: 2, Tasks: [{ Name: 't', Driver: 'docker' }] }],
    },
    { region: 'global' },
  );

describe('jobSpecChanged', () => {
  it('treats a first registration as a change', () => {
    expect(jobSpecChanged(null, base())).toBe(true);
  });

  it('ignores the fields the server owns', () => {
    const stored: Job = {
      ...base(),
      Status: 'running',
      StatusDescription: 'x',
      Stable: true,
      Version: 3,
      CreateIndex: 5,
      ModifyIndex: 9,
      JobModifyIndex: 9,
      SubmitTime: 1_700_000_000_000_000_000n,
    };
    expect(jobSpecChanged(stored, base())).toBe(false);
  });

  it.each<[string, (j: Job) => Job]>([
    ['Stop', (j) => ({ ...j, Stop: true })],
    ['Meta', (j) => ({ ...j, Meta: { team: 'b' } })],
    [
      'a group count',
      (j) => ({ ...j, TaskGroups: (j.TaskGroups ?? []).map((g) => ({ ...g, Count: 3 })) }),
    ],
    ['NomadTokenID', (j) => ({ ...j, NomadTokenID: 'tok' })],
    ['VersionTag', (j) => ({ ...j, VersionTag: { Name: 'v', Description: '', TaggedTime: 1 } })],
    ['null versus empty list', (j) => ({ ...j, Datacenters: [] })],
  ])('counts a change to %s', (_, change) => {
    expect(jobSpecChanged(base(), change(base()))).toBe(true);
  });

  it('compares bigint and number durations by value', () => {
    const a = base();
    const b = { ...base(), Update: { ...a.Update, Stagger: BigInt(a.Update.Stagger) } };
    expect(jobSpecChanged(a, b)).toBe(false);
  });
});
