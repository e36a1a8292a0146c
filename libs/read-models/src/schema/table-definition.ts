import { EntitySchema, type EntitySchemaColumnOptions, type ValueTransformer } from 'typeorm';
import { indexColumn, int64Column } from '../data-source/column-transformers';

// One definition per read-model table (ADR 0007): a typed column list from which the TypeORM
// entity, the DDL and the column names the gateway's SQL uses are all derived. The mapped type
// below makes the list exhaustive: every property of the row type has exactly one column, and
// the column's value type must match the property's.

type SqlType = 'text' | 'integer' | 'bigint' | 'boolean' | 'jsonb' | 'json';

export interface ColumnSpec<T> {
  readonly sqlType: SqlType;
  /** the SQL name when it differs from the property (snake_case) */
  readonly name?: string;
  readonly primary?: boolean;
  readonly nullable?: boolean;
  /**
   * Byte-order collation, Go's string order: keys the API pages and sorts on, so that
   * `order by` and keyset conditions run on the primary-key index.
   */
  readonly byteOrder?: boolean;
  readonly transformer?: ValueTransformer;
  /** phantom: the property type this column holds */
  readonly __value?: T;
}

type Options = Pick<ColumnSpec<unknown>, 'name' | 'primary' | 'nullable' | 'byteOrder'>;

export const column = {
  text: <T extends string = string>(o: Options = {}): ColumnSpec<T> => ({ sqlType: 'text', ...o }),
  /** a text key in byte order (Go's string order) */
  key: <T extends string = string>(o: Options = {}): ColumnSpec<T> => ({
    sqlType: 'text',
    byteOrder: true,
    ...o,
  }),
  integer: (o: Options = {}): ColumnSpec<number> => ({ sqlType: 'integer', ...o }),
  boolean: (o: Options = {}): ColumnSpec<boolean> => ({ sqlType: 'boolean', ...o }),
  /** a log index: int8 in SQL, a number in JS (far below 2^53) */
  logIndex: (name: string): ColumnSpec<number> => ({
    sqlType: 'bigint',
    name,
    transformer: indexColumn,
  }),
  /** int64 nanoseconds: exact, as bigint */
  int64: (name: string): ColumnSpec<bigint> => ({
    sqlType: 'bigint',
    name,
    transformer: int64Column,
  }),
  jsonb: <T>(o: Options = {}): ColumnSpec<T> => ({ sqlType: 'jsonb', ...o }),
  /** json keeps its text as written: for documents served verbatim (field order kept) */
  json: <T>(o: Options = {}): ColumnSpec<T> => ({ sqlType: 'json', ...o }),
};

export type ColumnsOf<Row> = { readonly [K in keyof Row]-?: ColumnSpec<Row[K]> };

export interface TableOptions<Row> {
  indexes?: readonly { name: string; columns: readonly (keyof Row & string)[] }[];
}

export interface ReadModelTable<Row = unknown> {
  readonly name: string;
  readonly entity: EntitySchema<Row>;
  /** idempotent DDL (`if not exists`) */
  readonly ddl: readonly string[];
  /** the SQL name of each property's column, for hand-written queries */
  readonly columns: { readonly [K in keyof Row]-?: string };
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

export function defineTable<Row>(
  name: string,
  columns: ColumnsOf<Row>,
  options: TableOptions<Row> = {},
): ReadModelTable<Row> {
  const specs = Object.entries(columns) as [keyof Row & string, ColumnSpec<unknown>][];
  const sqlName = (property: string, spec: ColumnSpec<unknown>) => spec.name ?? property;
  const sqlNames = Object.fromEntries(specs.map(([p, s]) => [p, sqlName(p, s)])) as {
    [K in keyof Row]-?: string;
  };
  const entity = new EntitySchema<Row>({
    name,
    tableName: name,
    columns: Object.fromEntries(specs.map(([p, s]) => [p, entityColumn(p, s)])) as {
      [K in keyof Row]?: EntitySchemaColumnOptions;
    },
    indices: (options.indexes ?? []).map((index) => ({
      name: index.name,
      columns: [...index.columns],
    })),
  });
  const lines = specs.map(([p, s]) => {
    const collate = s.byteOrder ? ' collate "C"' : '';
    return `${quote(sqlName(p, s))} ${s.sqlType}${collate}${s.nullable ? '' : ' not null'}`;
  });
  const primary = specs.filter(([, s]) => s.primary).map(([p, s]) => quote(sqlName(p, s)));
  const ddl = [
    `create table if not exists ${quote(name)} (${[...lines, `primary key (${primary.join(', ')})`].join(', ')})`,
    ...(options.indexes ?? []).map(
      (index) =>
        `create index if not exists ${quote(index.name)} on ${quote(name)} (${index.columns
          .map((c) => quote(sqlNames[c]))
          .join(', ')})`,
    ),
  ];
  return { name, entity, ddl, columns: sqlNames };
}

function entityColumn(property: string, spec: ColumnSpec<unknown>): EntitySchemaColumnOptions {
  return {
    name: spec.name ?? property,
    type: spec.sqlType,
    primary: spec.primary ?? false,
    nullable: spec.nullable ?? false,
    ...(spec.byteOrder ? { collation: 'C' } : {}),
    ...(spec.transformer ? { transformer: spec.transformer } : {}),
  };
}
