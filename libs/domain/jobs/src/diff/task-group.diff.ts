// A task group's diff: Count and Meta as fields, policies and networks as objects, then its
// tasks matched by name.
import type { Task, TaskGroup } from '@caravan/nomad-api';
import type { TaskDiff, TaskGroupDiff } from './job-diff.types';
import { cmp, fieldDiffs, flattenPrimitives } from './diff-fields';
import { blockDiff, diffType, present, setDiffs, sortObjects } from './diff-objects';
import { placementDiffs } from './placement.diff';
import { serviceDiffs } from './service.diff';
import { networkDiffs, taskDiff } from './task.diff';

const GROUP_SKIP = new Set(['Name']);

export function taskGroupDiff(
  old: TaskGroup | null,
  next: TaskGroup | null,
  contextual: boolean,
): TaskGroupDiff {
  const fields = fieldDiffs(
    flattenPrimitives(old, GROUP_SKIP),
    flattenPrimitives(next, GROUP_SKIP),
    contextual,
  );
  const c = contextual;
  const objects = present(
    placementDiffs(old, next, c),
    blockDiff('RestartPolicy', old?.RestartPolicy, next?.RestartPolicy, c),
    blockDiff('Migrate', old?.Migrate, next?.Migrate, c),
    blockDiff('ReschedulePolicy', old?.ReschedulePolicy, next?.ReschedulePolicy, c),
    blockDiff('EphemeralDisk', old?.EphemeralDisk, next?.EphemeralDisk, c),
    blockDiff('Consul', old?.Consul, next?.Consul, c),
    // A group's Stagger is a leftover of the job-level update block; Nomad hides it.
    blockDiff('Update', old?.Update, next?.Update, c, { skip: new Set(['Stagger']) }),
    blockDiff('Disconnect', old?.Disconnect, next?.Disconnect, c),
    blockDiff('Scaling', old?.Scaling, next?.Scaling, c, { deep: true }),
    networkDiffs(old?.Networks, next?.Networks, c),
    serviceDiffs(old?.Services, next?.Services, c),
    setDiffs('Volume', volumes(old), volumes(next), (v) => v.Name, c, { deep: true }),
  );
  const tasks = taskDiffs(old?.Tasks, next?.Tasks, contextual);
  return {
    Type: diffType(old, next),
    Name: next?.Name ?? old?.Name ?? '',
    Fields: fields.length ? fields : null,
    Objects: objects.length ? sortObjects(objects) : null,
    Tasks: tasks.length ? tasks : null,
    Updates: null,
  };
}

function volumes(group: TaskGroup | null) {
  return Object.values(group?.Volumes ?? {});
}

/** Unchanged tasks are context, shown only in a contextual diff. */
function taskDiffs(
  old: readonly Task[] | null | undefined,
  next: readonly Task[] | null | undefined,
  contextual: boolean,
): TaskDiff[] {
  const olds = new Map((old ?? []).map((t) => [t.Name, t] as const));
  const news = new Map((next ?? []).map((t) => [t.Name, t] as const));
  const names = [...new Set([...olds.keys(), ...news.keys()])].sort(cmp);
  return names
    .map((name) => taskDiff(olds.get(name) ?? null, news.get(name) ?? null, contextual))
    .filter((diff) => contextual || diff.Type !== 'None');
}
