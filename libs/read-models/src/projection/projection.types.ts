import type { RecordedEvent } from '@caravan/event-store';

// A *projection* folds events into the rows of one read-model table. It is pure: the runner
// loads the row an event addresses, calls `evolve`, and writes what comes back, so the same
// projection serves the live projector, a rebuild and a unit test alike.

/** Every read-model row remembers the log index of the last event applied to it (`last_index`). */
export interface ProjectedRow {
  lastIndex: number;
}

/** The primary-key properties of a row, e.g. `{ namespace, id }`. */
export type RowKey = Record<string, string | number>;

export interface Projection<Row extends ProjectedRow = ProjectedRow> {
  /** stable name, for logs and errors */
  readonly name: string;
  /**
   * The one table this projection writes (`rm_` prefix). One table per projection keeps `key`
   * and `evolve` unambiguous; a second table fed by the same events is a second projection.
   */
  readonly table: string;
  /** the event types it reads; others never reach `key` or `evolve` */
  readonly handles: readonly string[];
  /** the row an event addresses, or null when this event touches no row */
  key(event: RecordedEvent): RowKey | null;
  /**
   * The row after the event: null means absent (delete). Returning the very same `row` object
   * means "nothing changed": the row is not written and the table index does not move.
   * The runner stamps `lastIndex`; `evolve` need not.
   */
  evolve(row: Row | null, event: RecordedEvent): Row | null;
}

/**
 * Erases a projection's row type for registries that hold several projections. Sound only
 * because the runner hands a projection nothing but the rows it produced itself.
 */
export function anyProjection<Row extends ProjectedRow>(projection: Projection<Row>): Projection {
  return projection;
}
