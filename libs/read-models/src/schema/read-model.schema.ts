import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import type { ReadModel } from '../read-model';
import { READ_MODELS } from '../read-models.registry';
import { PROJECTOR_TABLES_SCHEMA } from './projector-tables';

// Why idempotent DDL and not TypeORM migrations: read models are disposable (a rebuild
// recreates them from the log), so there is no data to migrate, only tables to create. A
// changed table shape is detected by its DDL's fingerprint (rm_schema) and answered by
// dropping every read-model table: the projector then replays the log from 0 into the new
// shapes. The advisory lock keeps replicas that start together from racing on CREATE TABLE.
const SCHEMA_LOCK_KEY = 0x43615246; // "CaRF": read-model schema; distinct from the event store's

const SCHEMA_TABLE = `create table if not exists rm_schema (
  table_name text primary key, fingerprint text not null)`;

export function readModelSchema(readModels: readonly ReadModel[] = READ_MODELS): string[] {
  return [...PROJECTOR_TABLES_SCHEMA, ...readModels.flatMap((m) => m.table.ddl)];
}

export async function ensureReadModelSchema(
  dataSource: DataSource,
  readModels: readonly ReadModel[] = READ_MODELS,
): Promise<void> {
  await dataSource.transaction((manager) => createTables(manager, readModels));
}

/** Inside the caller's transaction: locks, rebuilds tables whose shape changed, creates what is missing. */
export async function createTables(
  manager: EntityManager,
  readModels: readonly ReadModel[],
): Promise<void> {
  await manager.query('select pg_advisory_xact_lock($1)', [SCHEMA_LOCK_KEY]);
  await manager.query(SCHEMA_TABLE);
  if (await shapeChanged(manager, readModels))
    await dropReadModelTables(manager, [...new Set([...READ_MODELS, ...readModels])]);
  for (const statement of readModelSchema(readModels)) await manager.query(statement);
  for (const model of readModels)
    await manager.query(
      `insert into rm_schema (table_name, fingerprint) values ($1, $2)
       on conflict (table_name) do update set fingerprint = excluded.fingerprint`,
      [model.table.name, fingerprint(model)],
    );
}

const fingerprint = (model: ReadModel): string =>
  createHash('sha256').update(model.table.ddl.join(';\n')).digest('hex');

/** A table that exists with another fingerprint, or none (made before fingerprints), changed. */
async function shapeChanged(manager: EntityManager, readModels: readonly ReadModel[]) {
  const names = readModels.map((m) => m.table.name);
  const rows = await manager.query<{ name: string; fingerprint: string | null }[]>(
    `select t.table_name as name, s.fingerprint
       from information_schema.tables t left join rm_schema s on s.table_name = t.table_name
      where t.table_schema = current_schema() and t.table_name = any($1::text[])`,
    [names],
  );
  const expected = new Map(readModels.map((m) => [m.table.name, fingerprint(m)]));
  return rows.some((row) => row.fingerprint !== expected.get(row.name));
}

/** Every table the read models own, projector bookkeeping included (rm_schema, shared, aside). */
export function readModelTables(readModels: readonly ReadModel[] = READ_MODELS): string[] {
  return ['rm_checkpoint', 'rm_table_index', ...readModels.map((m) => m.table.name)];
}

export async function dropReadModelTables(
  manager: EntityManager,
  readModels: readonly ReadModel[] = READ_MODELS,
): Promise<void> {
  await manager.query('select pg_advisory_xact_lock($1)', [SCHEMA_LOCK_KEY]);
  const tables = readModelTables(readModels).map((t) => `"${t}"`);
  await manager.query(`drop table if exists ${tables.join(', ')}`);
  await manager.query(SCHEMA_TABLE);
  await manager.query(`delete from rm_schema where table_name = any($1::text[])`, [
    readModelTables(readModels),
  ]);
}
