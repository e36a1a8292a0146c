import type { DataSource, EntityManager } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { EntityMetadata } from 'typeorm/metadata/EntityMetadata';
import { stringifyJson } from '@caravan/json';
import type { ProjectedRow, RowKey } from '../projection/projection.types';

// Reads and writes one read-model table for the runner, in batches. Loads go through TypeORM
// (so rows look exactly as the API's repositories see them); writes are one INSERT .. ON
// CONFLICT per batch with jsonb written by the bigint-safe codec, because TypeORM would write
// jsonb with JSON.stringify, which throws on bigint.

const MAX_PARAMETERS = 30_000; // PostgreSQL allows 65,535 per statement

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export class RowTable {
  private readonly columns: ColumnMetadata[];
  private readonly primary: ColumnMetadata[];

  constructor(private readonly metadata: EntityMetadata) {
    this.columns = metadata.columns;
    this.primary = metadata.primaryColumns;
  }

  static of(dataSource: DataSource, table: string): RowTable {
    const metadata = dataSource.entityMetadatas.find((m) => m.tableName === table);
    if (!metadata) throw new Error(`no entity is registered for read-model table ${table}`);
    return new RowTable(metadata);
  }

  /** A stable map key for a row key: the primary-key values in column order. */
  keyOf(key: RowKey | ProjectedRow): string {
    const record = key as Record<string, unknown>;
    return stringifyJson(this.primary.map((c) => record[c.propertyName] ?? null));
  }

  async load(manager: EntityManager, keys: RowKey[]): Promise<Map<string, ProjectedRow>> {
    const rows = new Map<string, ProjectedRow>();
    const chunk = Math.floor(MAX_PARAMETERS / this.primary.length);
    for (let at = 0; at < keys.length; at += chunk) {
      const where = keys.slice(at, at + chunk);
      const found = await manager.find<ProjectedRow>(this.metadata.target, { where });
      for (const row of found) rows.set(this.keyOf(row), row);
    }
    return rows;
  }

  async upsert(manager: EntityManager, rows: ProjectedRow[]): Promise<void> {
    const chunk = Math.floor(MAX_PARAMETERS / this.columns.length);
    for (let at = 0; at < rows.length; at += chunk) {
      await this.upsertChunk(manager, rows.slice(at, at + chunk));
    }
  }

  async delete(manager: EntityManager, keys: RowKey[]): Promise<void> {
    const chunk = Math.floor(MAX_PARAMETERS / this.primary.length);
    const names = this.primary.map((c) => quote(c.databaseName)).join(', ');
    for (let at = 0; at < keys.length; at += chunk) {
      const params: unknown[] = [];
      const tuples = keys.slice(at, at + chunk).map((key) => this.tuple(params, this.primary, key));
      await manager.query(
        `delete from ${quote(this.metadata.tableName)} where (${names}) in (${tuples.join(', ')})`,
        params,
      );
    }
  }

  private async upsertChunk(manager: EntityManager, rows: ProjectedRow[]): Promise<void> {
    if (rows.length === 0) return;
    const params: unknown[] = [];
    const values = rows.map((row) => this.tuple(params, this.columns, row));
    const names = this.columns.map((c) => quote(c.databaseName));
    const conflict = this.primary.map((c) => quote(c.databaseName)).join(', ');
    const updates = this.columns
      .filter((c) => !c.isPrimary)
      .map((c) => `${quote(c.databaseName)} = excluded.${quote(c.databaseName)}`);
    await manager.query(
      `insert into ${quote(this.metadata.tableName)} (${names.join(', ')}) values ${values.join(', ')}
       on conflict (${conflict}) do update set ${updates.join(', ')}`,
      params,
    );
  }

  private tuple(params: unknown[], columns: ColumnMetadata[], source: object): string {
    const placeholders = columns.map((column) => {
      params.push(encode(column, (source as Record<string, unknown>)[column.propertyName]));
      return `$${params.length}`;
    });
    return `(${placeholders.join(', ')})`;
  }
}

function encode(column: ColumnMetadata, value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (column.type === 'jsonb' || column.type === 'json') return stringifyJson(value);
  // pg sends bigint, number, string and boolean as text; int64 stays exact.
  return value;
}
