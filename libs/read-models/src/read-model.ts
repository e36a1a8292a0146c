import { anyProjection, type ProjectedRow, type Projection } from './projection/projection.types';
import type { ReadModelTable } from './schema/table-definition';

/**
 * A read model: its pure projection and the one definition of its table (entity, DDL and
 * column names derive from it). The projection writes exactly that table.
 */
export interface ReadModel {
  projection: Projection;
  table: ReadModelTable<never>;
}

/** Pairs a projection with its table; the types make the row shapes agree. */
export function readModel<Row extends ProjectedRow>(
  projection: Projection<Row>,
  table: ReadModelTable<Row>,
): ReadModel {
  if (projection.table !== table.name)
    throw new Error(`projection ${projection.name} writes ${projection.table}, not ${table.name}`);
  // Erasing the row type is sound: the runner hands a projection only rows of its own table.
  return { projection: anyProjection(projection), table: table as ReadModelTable<never> };
}
