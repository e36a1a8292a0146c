import pg from 'pg';
import { closedLoop, type LoadResult } from '../bench-load';

/**
 * One-row INSERT transactions, one writer, on the benchmark's database: the durable-commit
 * (fsync) latency that every hop of a register (append, sequencing, projection) pays at least.
 */
export async function commitLatency(databaseUrl: string, seconds: number): Promise<LoadResult> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query(
      'create table if not exists bench_commit (id bigserial primary key, at timestamptz)',
    );
    return await closedLoop(1, seconds, async () => {
      await client.query('insert into bench_commit (at) values (now())');
    });
  } finally {
    await client.query('drop table if exists bench_commit');
    await client.end();
  }
}
