import type { DataSource, EntityManager } from 'typeorm';
import type { RecordedEvent } from '@caravan/event-store';
import type { ProjectedRow, Projection, RowKey } from '../projection/projection.types';
import { AppliedIndex, encodeIndexNotification, INDEX_CHANNEL } from './applied-index';
import { RowTable } from './row-table';

export type BatchOutcome =
  | { kind: 'applied'; index: AppliedIndex }
  /** the checkpoint was not where the caller thought (a rebuild, another runner): resume from `current` */
  | { kind: 'moved'; current: number };

/** A seam for fault injection in tests: runs inside the batch transaction, just before commit. */
export type BeforeCommit = (manager: EntityManager, index: AppliedIndex) => Promise<void>;

export class LogGapError extends Error {
  readonly code = 'READ_MODEL_LOG_GAP';
  constructor(expected: number, actual: number) {
    super(`projector expected log index ${expected}, got ${actual}`);
  }
}

interface Slot {
  key: RowKey;
  before: ProjectedRow | null;
  row: ProjectedRow | null;
}

/**
 * Applies `events` (log indexes afterIndex+1 .. , gapless) to every projection in ONE
 * transaction that also compare-and-sets the checkpoint, moves the table indexes and queues
 * the NOTIFY (PostgreSQL delivers it at commit, so listeners never hear of an index that rolled back).
 */
export async function applyBatch(
  dataSource: DataSource,
  projections: readonly Projection[],
  checkpointName: string,
  afterIndex: number,
  events: readonly RecordedEvent[],
  beforeCommit?: BeforeCommit,
): Promise<BatchOutcome> {
  events.forEach((event, k) => {
    if (event.logIndex !== afterIndex + 1 + k)
      throw new LogGapError(afterIndex + 1 + k, event.logIndex);
  });
  return dataSource.transaction(async (manager) => {
    // Read models are rebuildable and the checkpoint commits with the rows: a batch lost in a
    // crash is simply projected again, so the projector need not wait for its WAL flush.
    await manager.query('set local synchronous_commit = off');
    const current = await lockCheckpoint(manager, checkpointName);
    if (current !== afterIndex) return { kind: 'moved', current };
    const last = events.length === 0 ? afterIndex : events[events.length - 1]!.logIndex;
    const tables: Record<string, number> = {};
    for (const projection of projections) {
      const changedAt = await project(
        manager,
        RowTable.of(dataSource, projection.table),
        projection,
        events,
      );
      if (changedAt !== null) tables[projection.table] = changedAt;
    }
    const index: AppliedIndex = { applied: last, tables };
    // One statement for the table indexes, the checkpoint and the NOTIFY (delivered at commit).
    // greatest(): a replay after a lost checkpoint re-deletes purged rows, which must not move
    // a table index backwards under a blocking query.
    await manager.query(
      `with moved as (
         insert into rm_table_index (table_name, "index")
         select * from unnest($3::text[], $4::bigint[])
         on conflict (table_name) do update set "index" = greatest(rm_table_index."index", excluded."index")
         returning 1
       ), checkpoint as (
         update rm_checkpoint set "index" = $2 where name = $1 returning 1
       )
       select pg_notify($5, $6), (select count(*) from moved), (select count(*) from checkpoint)`,
      [
        checkpointName,
        last,
        Object.keys(tables),
        Object.values(tables),
        INDEX_CHANNEL,
        encodeIndexNotification(index),
      ],
    );
    if (beforeCommit) await beforeCommit(manager, index);
    return { kind: 'applied', index };
  });
}

/** Creates the checkpoint row if needed and locks it (ON CONFLICT DO UPDATE locks the row). */
async function lockCheckpoint(manager: EntityManager, name: string): Promise<number> {
  const rows = await manager.query<{ index: string }[]>(
    `insert into rm_checkpoint (name, "index") values ($1, 0)
     on conflict (name) do update set name = excluded.name
     returning "index"`,
    [name],
  );
  return Number(rows[0]?.index ?? 0);
}

/** Folds the batch into one table; returns the index of the last event that changed it, or null. */
async function project(
  manager: EntityManager,
  table: RowTable,
  projection: Projection,
  events: readonly RecordedEvent[],
): Promise<number | null> {
  const relevant = events
    .filter((event) => projection.handles.includes(event.type))
    .map((event) => ({ event, key: projection.key(event) }))
    .filter((e): e is { event: RecordedEvent; key: RowKey } => e.key !== null);
  if (relevant.length === 0) return null;

  const slots = new Map<string, Slot>();
  for (const { key } of relevant) slots.set(table.keyOf(key), { key, before: null, row: null });
  const loaded = await table.load(
    manager,
    [...slots.values()].map((s) => s.key),
  );
  for (const [id, row] of loaded) {
    const slot = slots.get(id);
    if (slot) Object.assign(slot, { before: row, row });
  }

  let changedAt: number | null = null;
  for (const { event, key } of relevant) {
    const slot = slots.get(table.keyOf(key))!;
    // A row that has seen this index already makes the event a no-op (replays, overlapping runs).
    if (slot.row && slot.row.lastIndex >= event.logIndex) continue;
    const next = projection.evolve(slot.row, event);
    if (next === slot.row) continue;
    if (next === null && slot.row === null) continue;
    slot.row = next === null ? null : { ...next, lastIndex: event.logIndex };
    changedAt = event.logIndex;
  }

  const all = [...slots.values()];
  const upserts = all.filter((s) => s.row !== null && s.row !== s.before).map((s) => s.row!);
  const deletes = all.filter((s) => s.row === null && s.before !== null).map((s) => s.key);
  await table.upsert(manager, upserts);
  await table.delete(manager, deletes);
  return changedAt;
}
