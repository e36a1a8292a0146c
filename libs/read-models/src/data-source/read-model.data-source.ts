import 'reflect-metadata';
import { types } from 'pg';
import { DataSource } from 'typeorm';
import { parseJson } from '@caravan/json';
import { READ_MODELS } from '../read-models.registry';
import type { ReadModel } from '../read-model';
import { ReadModelCheckpointEntity, ReadModelTableIndexEntity } from '../schema/projector-tables';

const JSON_OID = 114;
const JSONB_OID = 3802;

// jsonb is parsed with the bigint-safe codec (pg's default JSON.parse would round SubmitTime);
// int8 stays text and each entity column converts it (see column-transformers.ts).
const readModelTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary'): unknown {
    if (oid === JSON_OID || oid === JSONB_OID) return (value: string) => parseJson(value);
    return types.getTypeParser(oid, format ?? 'text');
  },
};

export interface ReadModelDataSourceOptions {
  readModels?: readonly ReadModel[];
  poolSize?: number;
  /** shows up in pg_stat_activity */
  applicationName?: string;
}

/**
 * A DataSource over the read-model tables. Not initialized: call `initialize()`, then
 * `ensureReadModelSchema()`. `synchronize` stays off: the schema is explicit DDL.
 */
export function createReadModelDataSource(
  databaseUrl: string,
  options: ReadModelDataSourceOptions = {},
): DataSource {
  const readModels = options.readModels ?? READ_MODELS;
  return new DataSource({
    type: 'postgres',
    url: databaseUrl,
    entities: [
      ...readModels.map((m) => m.table.entity),
      ReadModelCheckpointEntity,
      ReadModelTableIndexEntity,
    ],
    synchronize: false,
    migrationsRun: false,
    uuidExtension: 'pgcrypto',
    poolSize: options.poolSize ?? 10,
    applicationName: options.applicationName ?? 'caravan-read-models',
    extra: { types: readModelTypes },
  });
}
