import type { Job, TaskGroup } from '@caravan/nomad-api';
import type { SchedulerAllocation } from '../model/allocation';
import { emptyDesiredUpdates, type DesiredUpdates } from '../model/metrics';
import { STOP_REASONS } from '../model/plan';
import { classify, type Buckets } from './classify';
import { allocIndex, NameIndex } from './names';
import type { PlacementRequest, ReconcileInput, ReconcileResult } from './reconcile.types';
import { rescheduleLater } from './reschedule-later';

// One task group of a service or batch job (Nomad's computeGroup), without deployments: the
// deployment-dependent parts (canaries, health-gated rolling steps) are a later issue and hook
// in at `underProvisionedBy` and where placements are emitted.

export function reconcileGroup(
  input: ReconcileInput,
  job: Job,
  group: TaskGroup,
  allocs: readonly SchedulerAllocation[],
  out: ReconcileResult,
): void {
  const desired = emptyDesiredUpdates();
  out.desired[group.Name] = desired;
  const b = classify(input, job, group, allocs);
  const names = new NameIndex(input.jobId, group.Name, group.Count, [
    ...[...b.untainted, ...b.migrate, ...b.rescheduleNow, ...b.lost].map((a) => a.name),
  ]);
  rescheduleLater(input, b.rescheduleLater, out, desired);
  computeStops(input, group.Count, b, names, out, desired);

  const destructive: SchedulerAllocation[] = [];
  for (const a of b.untainted) {
    const decision = input.hooks.update(a, job, group);
    if (decision.kind === 'ignore') desired.Ignore++;
    else if (decision.kind === 'destructive') destructive.push(a);
    else {
      out.inPlace.push({ alloc: a, resources: decision.resources });
      desired.InPlaceUpdate++;
    }
  }

  const place = computePlacements(group, b, names);
  // The deployment extension point: with a current deployment this becomes MaxParallel minus
  // its allocations that are not yet healthy, and 0 while paused, failed or canarying.
  let budget = underProvisionedBy(group, destructive.length + b.migrate.length);
  desired.Place += Math.min(place.length, group.Count);
  desired.Stop += place.filter((p) => p.reason === 'reschedule').length;
  budget -= Math.min(place.length, budget);

  destructive.sort((x, y) => allocIndex(x.name) - allocIndex(y.name));
  const now = destructive.slice(0, budget);
  desired.DestructiveUpdate += now.length;
  desired.Ignore += destructive.length - now.length;
  for (const a of now) {
    out.placements.push(replacement(group, a, 'destructive', STOP_REASONS.updating));
  }
  out.placements.push(...place);

  for (const a of b.migrate) {
    desired.Migrate++;
    stop(input, out, a, STOP_REASONS.migrating, null);
    const noReplacement =
      input.batch &&
      (a.desiredTransition.reschedule || a.desiredTransition.migrateDisablePlacement);
    if (!noReplacement) out.placements.push(replacement(group, a, 'migrate', null));
  }
}

function computeStops(
  input: ReconcileInput,
  count: number,
  b: Buckets,
  names: NameIndex,
  out: ReconcileResult,
  desired: DesiredUpdates,
): void {
  for (const a of b.lost) {
    stop(input, out, a, STOP_REASONS.lost, 'lost');
    desired.Stop++;
  }
  // Unlike Nomad, replacements of failed allocations count here too, so that one plan never
  // leaves more than `count` allocations (a scale-down while one failed would otherwise briefly
  // exceed it); surplus failed allocations are dropped first, as they run nothing.
  let remove = b.untainted.length + b.migrate.length + b.rescheduleNow.length - count;
  if (remove <= 0) return;
  const take = (from: SchedulerAllocation[], pick: (a: SchedulerAllocation) => boolean): void => {
    for (const a of [...from].sort(byIndexDesc)) {
      if (remove <= 0 || !pick(a)) continue;
      from.splice(from.indexOf(a), 1);
      names.unset(allocIndex(a.name));
      stop(input, out, a, STOP_REASONS.notNeeded, null);
      desired.Stop++;
      remove--;
    }
  };
  take(b.rescheduleNow, () => true);
  // Prefer migrating allocations, then the highest indexes, then duplicates of any index.
  const migrating = new NameIndex(
    input.jobId,
    '',
    count,
    b.migrate.map((a) => a.name),
  );
  const highMigrating = migrating.highest(remove);
  take(b.migrate, (a) => highMigrating.has(allocIndex(a.name)));
  const untaintedNames = new NameIndex(
    input.jobId,
    '',
    count,
    b.untainted.map((a) => a.name),
  );
  const high = untaintedNames.highest(remove);
  take(b.untainted, (a) => high.has(allocIndex(a.name)));
  take(b.untainted, () => true);
}

function computePlacements(group: TaskGroup, b: Buckets, names: NameIndex): PlacementRequest[] {
  const place: PlacementRequest[] = [];
  let existing = b.untainted.length + b.migrate.length + b.rescheduleNow.length;
  for (const a of b.rescheduleNow) {
    place.push(replacement(group, a, 'reschedule', STOP_REASONS.rescheduled));
  }
  for (const a of b.lost) {
    if (existing >= group.Count) break;
    existing++;
    place.push(replacement(group, a, 'lost', null));
  }
  if (existing < group.Count) {
    for (const name of names.next(group.Count - existing)) {
      place.push({
        taskGroup: group.Name,
        name,
        reason: 'new',
        previous: null,
        stopPreviousAs: null,
      });
    }
  }
  return place;
}

/** How many destructive updates may happen now (Nomad's underProvisionedBy, no deployment). */
function underProvisionedBy(group: TaskGroup, changing: number): number {
  const update = group.Update;
  if (!update || update.MaxParallel === 0 || changing === 0) return group.Count;
  return update.MaxParallel;
}

function replacement(
  group: TaskGroup,
  a: SchedulerAllocation,
  reason: PlacementRequest['reason'],
  stopPreviousAs: string | null,
): PlacementRequest {
  return { taskGroup: group.Name, name: a.name, reason, previous: a, stopPreviousAs };
}

export function stop(
  input: ReconcileInput,
  out: ReconcileResult,
  a: SchedulerAllocation,
  desiredDescription: string,
  clientStatus: 'lost' | null,
): void {
  out.stops.push({
    allocId: a.id,
    nodeId: a.nodeId,
    desiredDescription,
    clientStatus,
    replacedBy: null,
  });
  input.hooks.stopped(a);
}

function byIndexDesc(x: SchedulerAllocation, y: SchedulerAllocation): number {
  return allocIndex(y.name) - allocIndex(x.name) || (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
}
