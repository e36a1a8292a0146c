import { Pool, PoolClient } from 'pg';

/** Where each log reader has got to, by name. Save it in the reader's own transaction when it can. */
export class CheckpointStore {
  constructor(private readonly pool: Pool) {}

  async load(name: string, client?: PoolClient): Promise<number> {
    const { rows } = await (client ?? this.pool).query<{ position: number }>(
      'select position from es_checkpoints where name = $1',
      [name],
    );
    return rows[0]?.position ?? 0;
  }

  async save(name: string, position: number, client?: PoolClient): Promise<void> {
    await (client ?? this.pool).query(
      `insert into es_checkpoints (name, position) values ($1, $2)
       on conflict (name) do update set position = excluded.position, updated_at = now()`,
      [name, position],
    );
  }
}
