import type { Pool } from 'pg';
import { migrateCapacity } from '@caravan/scheduling';

// Nomad's broker counts dequeues per evaluation in the leader's memory. Here a delivery is a
// (evaluation, triggering log index) pair — the same Kafka record, or the same store-tail event,
// delivered again — and its count is kept in PostgreSQL, written before the work starts, so a
// worker that is killed mid-evaluation counts too: a poison evaluation cannot crash-loop its
// partition forever. An unblock is a new trigger index, so it counts from 1 again (Nomad resets
// the count on ack).

const MIGRATION_LOCK_KEY = 0x53636864; // "Schd"

const SCHEMA = `
create table if not exists sched_eval_deliveries (
  eval_id text not null,
  trigger_index bigint not null,
  attempts integer not null,
  first_at timestamptz not null default now(),
  primary key (eval_id, trigger_index)
)`;

/** The capacity tables (plan applier) and the delivery counts; safe from every process. */
export async function migrateSchedulerWorker(pool: Pool): Promise<void> {
  await migrateCapacity(pool);
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await client.query(SCHEMA);
  } finally {
    await client
      .query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY])
      .catch(() => undefined);
    client.release();
  }
}

export class DeliveryCounter {
  constructor(private readonly pool: Pool) {}

  /** Records one more delivery and returns which one this is (1 = first). */
  async begin(evalId: string, triggerIndex: number): Promise<number> {
    const { rows } = await this.pool.query<{ attempts: number }>(
      `insert into sched_eval_deliveries (eval_id, trigger_index, attempts) values ($1, $2, 1)
       on conflict (eval_id, trigger_index)
       do update set attempts = sched_eval_deliveries.attempts + 1
       returning attempts`,
      [evalId, triggerIndex],
    );
    return rows[0]!.attempts;
  }
}
