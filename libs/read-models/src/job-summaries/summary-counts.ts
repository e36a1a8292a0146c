import type { ClientStatus } from '@caravan/domain/allocations';
import type { TaskGroupSummary } from '@caravan/nomad-api';
import type { JobSummaryRow } from './job-summary.row';

// Nomad's summary counting (nomad-api-semantics.md §7): a placed allocation is Starting and
// takes one off Queued; a client-status change moves one from the old bucket to the new one,
// except that Complete and Failed are cumulative and never go down. An evaluation outcome
// overwrites Queued with its QueuedAllocations.

export interface CountedAlloc {
  group: string;
  status: ClientStatus;
}

const BUCKET: Record<ClientStatus, keyof TaskGroupSummary> = {
  pending: 'Starting',
  running: 'Running',
  complete: 'Complete',
  failed: 'Failed',
  lost: 'Lost',
  unknown: 'Unknown',
};

const CUMULATIVE: ReadonlySet<string> = new Set(['Complete', 'Failed']);

type Groups = Record<string, TaskGroupSummary>;

function bump(groups: Groups, group: string, changes: Partial<TaskGroupSummary>): Groups {
  const current = groups[group];
  if (current === undefined) return groups;
  const next = { ...current };
  for (const [k, d] of Object.entries(changes) as [keyof TaskGroupSummary, number][])
    next[k] = Math.max(0, (next[k] ?? 0) + d);
  return { ...groups, [group]: next };
}

function withGroups(
  row: JobSummaryRow,
  Summary: Groups,
  allocs: Record<string, CountedAlloc>,
  index: number,
): JobSummaryRow {
  return {
    ...row,
    modifyIndex: index,
    allocs,
    summary: { ...row.summary, Summary, ModifyIndex: index },
  };
}

export function allocPlaced(
  row: JobSummaryRow,
  id: string,
  group: string,
  index: number,
): JobSummaryRow {
  if (id in row.allocs) return row;
  const Summary = bump(row.summary.Summary, group, { Starting: 1, Queued: -1 });
  return withGroups(row, Summary, { ...row.allocs, [id]: { group, status: 'pending' } }, index);
}

export function allocStatusChanged(
  row: JobSummaryRow,
  id: string,
  status: ClientStatus,
  index: number,
): JobSummaryRow {
  const alloc = row.allocs[id];
  if (alloc === undefined || alloc.status === status) return row;
  const from = BUCKET[alloc.status];
  const to = BUCKET[status];
  const changes: Partial<TaskGroupSummary> = { [to]: 1 };
  if (!CUMULATIVE.has(from)) changes[from] = -1;
  const Summary = bump(row.summary.Summary, alloc.group, changes);
  return withGroups(row, Summary, { ...row.allocs, [id]: { ...alloc, status } }, index);
}

export function queuedSet(
  row: JobSummaryRow,
  queued: Record<string, number> | null,
  index: number,
): JobSummaryRow {
  let Summary = row.summary.Summary;
  for (const [group, n] of Object.entries(queued ?? {})) {
    const current = Summary[group];
    if (current === undefined || current.Queued === n) continue;
    Summary = { ...Summary, [group]: { ...current, Queued: n } };
  }
  return Summary === row.summary.Summary ? row : withGroups(row, Summary, row.allocs, index);
}
