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
 *
 * Reads first, writes last: a transaction takes a transaction id at its first write, and every
 * open transaction with an id holds back the event log's horizon (every append's
 * acknowledgement waits for it). So rows are loaded and folded with no id held; the id is taken
 * by the checkpoint's compare-and-set, followed only by the writes. A runner that moved the
 * checkpoint meanwhile makes the compare-and-set fail, and nothing of this batch is written.
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
  await ensureCheckpoint(dataSource, checkpointName);
  return dataSource.transaction(async (manager) => {
    // Read models are rebuildable and the checkpoint commits with the rows: a batch lost in a
    // crash is simply projected again, so the projector need not wait for its WAL flush.
    await manager.query('set local synchronous_commit = off');
    const last = events.length === 0 ? afterIndex : events[events.length - 1]!.logIndex;
    const changes: TableChanges[] = [];
    for (const projection of projections) {
      const table = RowTable.of(dataSource, projection.table);
      const folded = await fold(manager, table, projection, events);
      if (folded) changes.push(folded);
    }
    // The first write: from here to COMMIT this transaction holds an id.
    if (!(await moveCheckpoint(manager, checkpointName, afterIndex, last)))
      return { kind: 'moved', current: await readCheckpoint(manager, checkpointName) };
    const tables: Record<string, number> = {};
    for (const { name, table, upserts, deletes, changedAt } of changes) {
      await table.upsert(manager, upserts);
      await table.delete(manager, deletes);
      tables[name] = changedAt;
    }
    const index: AppliedIndex = { applied: last, tables };
    // One statement for the table indexes and the NOTIFY (delivered at commit). greatest(): a
    // replay after a lost checkpoint re-deletes purged rows, which must not move a table index
    // backwards under a blocking query.
    await manager.query(
      `with moved as (
         insert into rm_table_index (table_name, "index")
         select * from unnest($1::text[], $2::bigint[])
         on conflict (table_name) do update set "index" = greatest(rm_table_index."index", excluded."index")
         returning 1
       )
       select pg_notify($3, $4), (select count(*) from moved)`,
      [Object.keys(tables), Object.values(tables), INDEX_CHANNEL, encodeIndexNotification(index)],
    );
    if (beforeCommit) await beforeCommit(manager, index);
    return { kind: 'applied', index };
  });
}

interface TableChanges {
  name: string;
  table: RowTable;
  upserts: ProjectedRow[];
  deletes: RowKey[];
  changedAt: number;
}

/** Creates the checkpoint row once, outside the batch (it never goes away). */
async function ensureCheckpoint(dataSource: DataSource, name: string): Promise<void> {
  await dataSource.query(
    `insert into rm_checkpoint (name, "index")
     select $1, 0 where not exists (select 1 from rm_checkpoint where name = $1)
     on conflict (name) do nothing`,
    [name],
  );
}

/** Compare-and-set: true when the checkpoint was at `from` and is now at `to`. */
async function moveCheckpoint(
  manager: EntityManager,
  name: string,
  from: number,
  to: number,
): Promise<boolean> {
  // Wrapped in a SELECT: TypeORM answers a bare UPDATE with [rows, count], not rows.
  const rows = await manager.query<{ n: number }[]>(
    `with moved as (
       update rm_checkpoint set "index" = $3 where name = $1 and "index" = $2 returning 1
     )
     select count(*)::int as n from moved`,
    [name, from, to],
  );
  return rows[0]?.n === 1;
}

async function readCheckpoint(manager: EntityManager, name: string): Promise<number> {
  const rows = await manager.query<{ index: string }[]>(
    'select "index" from rm_checkpoint where name = $1',
    [name],
  );
  return Number(rows[0]?.index ?? 0);
}

/** Folds the batch into one table's rows, in memory; null when the batch does not touch it. */
async function fold(
  manager: EntityManager,
  table: RowTable,
  projection: Projection,
  events: readonly RecordedEvent[],
): Promise<TableChanges | null> {
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
  if (changedAt === null) return null;

  const upserts: ProjectedRow[] = [];
  const deletes: RowKey[] = [];
  for (const [id, row] of rows) {
    const was = before.get(id) ?? null;
    if (row !== null && row !== was) upserts.push(row);
    else if (row === null && was !== null) deletes.push(keys.get(id)!);
  }
  return { name: projection.table, table, upserts, deletes, changedAt };
}
