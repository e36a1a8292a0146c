import type { RecordedEvent } from '@caravan/event-store';
import { stringifyJson } from '@caravan/json';
import type { ProjectedRow, Projection } from './projection.types';

/**
 * Folds events through a projection in memory, with the runner's rules (skip rows that have
 * seen the index, stamp lastIndex, null deletes). For tests, and for checking a table against
 * the log.
 */
export function foldEvents<Row extends ProjectedRow>(
  projection: Projection<Row>,
  events: readonly RecordedEvent[],
): Map<string, Row> {
  const rows = new Map<string, Row>();
  for (const event of events) {
    if (!projection.handles.includes(event.type)) continue;
    const key = projection.key(event);
    if (key === null) continue;
    const id = stringifyJson(Object.values(key));
    const row = rows.get(id) ?? null;
    if (row && row.lastIndex >= event.logIndex) continue;
    const next = projection.evolve(row, event);
    if (next === row) continue;
    if (next === null) rows.delete(id);
    else rows.set(id, { ...next, lastIndex: event.logIndex });
  }
  return rows;
}
