import type { Job, JobInput, TaskGroup } from '@caravan/nomad-api';
import type { FieldDiff, JobDiff, ObjectDiff } from './job-diff.types';
import { canonicalizeJob } from '../spec';

// Canonical jobs (Nomad's defaults filled, as versions are stored) for the diff specs.

export function aJobSpec(extra: JobInput = {}): Job {
  return canonicalizeJob(
    {
      ID: 'web',
      Datacenters: ['dc1'],
      TaskGroups: [
        {
          Name: 'web',
          Count: 3,
          Tasks: [
            {
              Name: 'app',
              Driver: 'docker',
              Config: { image: 'nginx:1.25', args: ['-g', 'daemon off;'] },
              Env: { MODE: 'prod' },
              Resources: { CPU: 500, MemoryMB: 256 },
            },
          ],
        },
      ],
      ...extra,
    },
    { region: 'global' },
  );
}

/** The same job with its first group (and that group's first task) changed. */
export function withGroup(job: Job, change: (g: TaskGroup) => Partial<TaskGroup>): Job {
  const [group, ...rest] = job.TaskGroups ?? [];
  if (!group) throw new Error('fixture job has no group');
  return { ...job, TaskGroups: [{ ...group, ...change(group) }, ...rest] };
}

export function withTask(
  job: Job,
  change: (t: NonNullable<TaskGroup['Tasks']>[number]) => object,
): Job {
  return withGroup(job, (g) => ({
    Tasks: (g.Tasks ?? []).map((t, i) => (i === 0 ? { ...t, ...change(t) } : t)),
  }));
}

export const field = (
  Type: FieldDiff['Type'],
  Name: string,
  Old: string,
  New: string,
): FieldDiff => ({
  Type,
  Name,
  Old,
  New,
  Annotations: null,
});

export function group(diff: JobDiff) {
  const g = diff.TaskGroups?.[0];
  if (!g) throw new Error('no group diff');
  return g;
}

export function task(diff: JobDiff) {
  const t = group(diff).Tasks?.[0];
  if (!t) throw new Error('no task diff');
  return t;
}

export function object(objects: ObjectDiff[] | null, name: string): ObjectDiff {
  const found = objects?.find((o) => o.Name === name);
  if (!found) throw new Error(`no ${name} object`);
  return found;
}
