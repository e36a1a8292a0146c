import type { DataSource, EntityManager } from 'typeorm';
import type { ReadModel } from '../read-model';
import { READ_MODELS } from '../read-models.registry';
import { PROJECTOR_TABLES_SCHEMA } from './projector-tables.entity';

// Why idempotent DDL and not TypeORM migrations: read models are disposable (a rebuild
// recreates them from the log), so there is no data to migrate, only tables to create. A
// changed table shape ships with a rebuild, which drops and recreates the tables.
// The advisory lock keeps replicas that start together from racing on CREATE TABLE.
const SCHEMA_LOCK_KEY = 0x43615246; // "CaRF": read-model schema; distinct from the event store's

export function readModelSchema(readModels: readonly ReadModel[] = READ_MODELS): string[] {
  return [...PROJECTOR_TABLES_SCHEMA, ...readModels.flatMap((m) => m.schema)];
}

export async function ensureReadModelSchema(
  dataSource: DataSource,
  readModels: readonly ReadModel[] = READ_MODELS,
): Promise<void> {
  await dataSource.transaction((manager) => createTables(manager, readModels));
}

/** Inside the caller's transaction: locks, then creates whatever is missing. */
export async function createTables(
  manager: EntityManager,
  readModels: readonly ReadModel[],
): Promise<void> {
  await manager.query('select pg_advisory_xact_lock($1)', [SCHEMA_LOCK_KEY]);
  for (const statement of readModelSchema(readModels)) await manager.query(statement);
}

/** Every table the read models own, projector bookkeeping included. */
export function readModelTables(readModels: readonly ReadModel[] = READ_MODELS): string[] {
  return ['rm_checkpoint', 'rm_table_index', ...readModels.map((m) => m.projection.table)];
}

export async function dropReadModelTables(
  manager: EntityManager,
  readModels: readonly ReadModel[] = READ_MODELS,
): Promise<void> {
  await manager.query('select pg_advisory_xact_lock($1)', [SCHEMA_LOCK_KEY]);
  const tables = readModelTables(readModels).map((t) => `"${t}"`);
  await manager.query(`drop table if exists ${tables.join(', ')}`);
}
