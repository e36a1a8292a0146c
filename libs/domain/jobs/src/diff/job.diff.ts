// Nomad's Job.Diff: what changed between two versions of a job, for `nomad job plan` and
// `GET /v1/job/:id/versions?diffs=true`.
import type { Job, TaskGroup } from '@caravan/nomad-api';
import type { JobDiff, TaskGroupDiff } from './job-diff.types';
import { cmp, fieldDiffs, flattenPrimitives } from './diff-fields';
import { blockDiff, diffType, present, sortObjects, stringSetDiff } from './diff-objects';
import { placementDiffs } from './placement.diff';
import { taskGroupDiff } from './task-group.diff';

/**
 * Bookkeeping the server owns, which never counts as a change. The job-level Update block is
 * left out too: groups carry the real strategy and show it themselves.
 */
const JOB_SKIP = new Set([
  'ID',
  'Status',
  'StatusDescription',
  'Version',
  'Stable',
  'CreateIndex',
  'ModifyIndex',
  'JobModifyIndex',
  'Update',
  'SubmitTime',
  'NomadTokenID',
  'VaultToken',
  'VersionTag',
]);

/**
 * The diff from `old` to `next` (null for a job that does not exist on that side). In a
 * contextual diff unchanged blocks, groups and tasks are shown as `None` around the changes;
 * the job's own fields are always listed only when they changed, as Nomad does.
 */
export function jobDiff(old: Job | null, next: Job | null, contextual: boolean): JobDiff {
  const c = contextual;
  const fields = fieldDiffs(
    flattenPrimitives(old, JOB_SKIP),
    flattenPrimitives(next, JOB_SKIP),
    false,
  );
  const objects = present(
    stringSetDiff('Datacenters', old?.Datacenters, next?.Datacenters, c),
    placementDiffs(old, next, c),
    blockDiff('Periodic', old?.Periodic, next?.Periodic, c, {
      skip: new Set(['Specs']),
      children: (a, b) => present(stringSetDiff('Specs', a?.Specs, b?.Specs, c)),
    }),
    blockDiff('ParameterizedJob', old?.ParameterizedJob, next?.ParameterizedJob, c, { deep: true }),
    blockDiff('Multiregion', old?.Multiregion, next?.Multiregion, c, { deep: true }),
    blockDiff('UI', old?.UI, next?.UI, c, { deep: true }),
  );
  const groups = groupDiffs(old?.TaskGroups, next?.TaskGroups, contextual);
  const changed =
    fields.length > 0 ||
    objects.some((o) => o.Type !== 'None') ||
    groups.some((g) => g.Type !== 'None');
  return {
    Type: old === null && next === null ? 'None' : changed ? jobType(old, next) : 'None',
    ID: next?.ID ?? old?.ID ?? '',
    Fields: fields.length ? fields : null,
    Objects: objects.length ? sortObjects(objects) : null,
    TaskGroups: groups.length ? groups : null,
  };
}

function jobType(old: Job | null, next: Job | null): JobDiff['Type'] {
  const type = diffType(old, next);
  return type === 'None' ? 'Edited' : type;
}

function groupDiffs(
  old: readonly TaskGroup[] | null | undefined,
  next: readonly TaskGroup[] | null | undefined,
  contextual: boolean,
): TaskGroupDiff[] {
  const olds = new Map((old ?? []).map((g) => [g.Name, g] as const));
  const news = new Map((next ?? []).map((g) => [g.Name, g] as const));
  const names = [...new Set([...olds.keys(), ...news.keys()])].sort(cmp);
  return names
    .map((name) => taskGroupDiff(olds.get(name) ?? null, news.get(name) ?? null, contextual))
    .filter((diff) => contextual || diff.Type !== 'None');
}
