import type { DataSource, EntityManager } from 'typeorm';
import type { RecordedEvent } from '@caravan/event-store';
import type { ProjectedRow, Projection, RowKey } from '../projection/projection.types';
import { foldInto } from '../projection/fold-events';
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
  const keys = new Map<string, RowKey>();
  for (const event of events) {
    const key = projection.handles.includes(event.type) ? projection.key(event) : null;
    if (key !== null) keys.set(table.keyOf(key), key);
  }
  if (keys.size === 0) return null;

  const before = await table.load(manager, [...keys.values()]);
  const rows = new Map<string, ProjectedRow | null>();
  for (const id of keys.keys()) rows.set(id, before.get(id) ?? null);
  const changedAt = foldInto(projection, events, rows, (key) => table.keyOf(key));

  const upserts: ProjectedRow[] = [];
  const deletes: RowKey[] = [];
  for (const [id, row] of rows) {
    const was = before.get(id) ?? null;
    if (row !== null && row !== was) upserts.push(row);
    else if (row === null && was !== null) deletes.push(keys.get(id)!);
  }
  await table.upsert(manager, upserts);
  await table.delete(manager, deletes);
  return changedAt;
}
