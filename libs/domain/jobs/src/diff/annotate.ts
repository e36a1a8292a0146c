// Nomad's plan annotations (scheduler/annotate.go): what each change will do to allocations.
//
// These are heuristics over the diff, as in Nomad, and not the scheduler's `tasksUpdated`:
// that answers once per group with the first destructive change, while a plan labels every
// task, and Nomad's plan output is built from these labels. The two can disagree (a changed
// Service never forces destruction here, a Connect service does there); the group's
// `Updates` counts, taken from the scheduler, are the real decision.
import type { DesiredUpdates } from '@caravan/domain/scheduler';
import type { FieldDiff, JobDiff, TaskDiff, TaskGroupDiff } from './job-diff.types';

export const FORCES_CREATE = 'forces create';
export const FORCES_DESTROY = 'forces destroy';
export const FORCES_IN_PLACE = 'forces in-place update';
export const FORCES_DESTRUCTIVE = 'forces create/destroy update';

/** The plan's `Updates` keys, in Nomad's words, for the counters they come from. */
const UPDATE_KEYS: readonly (readonly [keyof DesiredUpdates, string])[] = [
  ['Ignore', 'ignore'],
  ['Place', 'create'],
  ['Migrate', 'migrate'],
  ['Stop', 'destroy'],
  ['Canary', 'canary'],
  ['InPlaceUpdate', 'in-place update'],
  ['DestructiveUpdate', 'create/destroy update'],
];

/** Blocks whose change the client applies without replacing the allocation. */
const IN_PLACE_OBJECTS = new Set(['Service', 'Constraint', 'Affinity', 'Spread']);

/**
 * Annotates a contextual job diff for a plan response, given the scheduler's per-group
 * DesiredTGUpdates (absent: no `Updates` counts). Returns a new diff; the input is untouched.
 */
export function annotateJobDiff(
  diff: JobDiff,
  desired: Readonly<Record<string, DesiredUpdates>> = {},
): JobDiff {
  return {
    ...diff,
    TaskGroups: diff.TaskGroups?.map((g) => annotateGroup(g, desired[g.Name])) ?? null,
  };
}

function annotateGroup(group: TaskGroupDiff, desired: DesiredUpdates | undefined): TaskGroupDiff {
  const updates: Record<string, number> = {};
  for (const [counter, key] of UPDATE_KEYS) {
    const count = desired?.[counter] ?? 0;
    if (count > 0) updates[key] = count;
  }
  return {
    ...group,
    Fields: group.Fields?.map(annotateCount) ?? null,
    Tasks: group.Tasks?.map((t) => annotateTask(t, group.Type)) ?? null,
    Updates: Object.keys(updates).length ? updates : null,
  };
}

/** A group that comes or goes counts from or to zero, so its Count is annotated too. */
function annotateCount(field: FieldDiff): FieldDiff {
  if (field.Name !== 'Count' || field.Type === 'None') return field;
  const before = Number(field.Old || '0');
  const after = Number(field.New || '0');
  if (before === after) return field;
  return { ...field, Annotations: [after > before ? FORCES_CREATE : FORCES_DESTROY] };
}

function annotateTask(task: TaskDiff, groupType: TaskGroupDiff['Type']): TaskDiff {
  const annotation = taskAnnotation(task, groupType);
  return annotation === null ? task : { ...task, Annotations: [annotation] };
}

function taskAnnotation(task: TaskDiff, groupType: TaskGroupDiff['Type']): string | null {
  if (task.Type === 'None') return null;
  // A whole group coming or going is plain creation or destruction. A task added to or
  // removed from a group that stays replaces that group's allocations: its fields all
  // changed, so the rules below call it a create/destroy update, as Nomad does.
  if (groupType === 'Added' || groupType === 'Deleted') {
    return task.Type === 'Deleted' ? FORCES_DESTROY : FORCES_CREATE;
  }
  // KillTimeout is read when the task is stopped, so a new value needs no new allocation.
  const destructiveField = (task.Fields ?? []).some(
    (f) => f.Type !== 'None' && f.Name !== 'KillTimeout',
  );
  const destructiveObject = (task.Objects ?? []).some(
    (o) =>
      o.Type !== 'None' &&
      !IN_PLACE_OBJECTS.has(o.Name) &&
      !(o.Name === 'LogConfig' && !touchesDisabled(o.Fields)),
  );
  return destructiveField || destructiveObject ? FORCES_DESTRUCTIVE : FORCES_IN_PLACE;
}

/** Turning logs on or off changes how the task is started; rotation settings do not. */
function touchesDisabled(fields: readonly FieldDiff[] | null): boolean {
  return (fields ?? []).some((f) => f.Name === 'Disabled' && f.Type !== 'None');
}
