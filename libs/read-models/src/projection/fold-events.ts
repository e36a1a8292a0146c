import type { RecordedEvent } from '@caravan/event-store';
import { stringifyJson } from '@caravan/json';
import type { ProjectedRow, Projection, RowKey } from './projection.types';

/**
 * The one fold of events into rows, shared by the projector's batches and the in-memory
 * `foldEvents`. `rows` maps a row id to the row as it stands (null: absent) and is updated in
 * place; the rules: an event the projection does not handle or that addresses no row is
 * skipped; a row that has seen the event's index ignores it (replays are no-ops); `evolve`
 * returning the same row changes nothing; null deletes; a written row is stamped with the
 * event's index. Returns the log index of the last event that changed a row, or null.
 */
export function foldInto<Row extends ProjectedRow>(
  projection: Projection<Row>,
  events: readonly RecordedEvent[],
  rows: Map<string, Row | null>,
  idOf: (key: RowKey) => string,
): number | null {
  let changedAt: number | null = null;
  for (const event of events) {
    if (!projection.handles.includes(event.type)) continue;
    const key = projection.key(event);
    if (key === null) continue;
    const id = idOf(key);
    const row = rows.get(id) ?? null;
    if (row && row.lastIndex >= event.logIndex) continue;
    const next = projection.evolve(row, event);
    if (next === row) continue;
    rows.set(id, next === null ? null : { ...next, lastIndex: event.logIndex });
    changedAt = event.logIndex;
  }
  return changedAt;
}

/** Folds events in memory from no rows, for tests and for checking a table against the log. */
export function foldEvents<Row extends ProjectedRow>(
  projection: Projection<Row>,
  events: readonly RecordedEvent[],
): Map<string, Row> {
  const rows = new Map<string, Row | null>();
  foldInto(projection, events, rows, (key) => stringifyJson(Object.values(key)));
  const present = new Map<string, Row>();
  for (const [id, row] of rows) if (row !== null) present.set(id, row);
  return present;
}
