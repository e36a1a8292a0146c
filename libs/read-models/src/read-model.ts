import type { Projection } from './projection/projection.types';

/**
 * A read model: its pure projection, the TypeORM entity the API reads it through, and the
 * idempotent DDL that creates its table. The three name the same table.
 */
export interface ReadModel {
  projection: Projection;
  // TypeORM entity classes are plain constructors; `Function` is what its `entities` option takes.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  entity: Function;
  schema: readonly string[];
}
