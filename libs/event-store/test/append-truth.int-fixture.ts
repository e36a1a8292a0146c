import { Client } from 'pg';
import type { AppendResult, NewEvent } from '@caravan/event-store';

// What every append test checks: the caller was told exactly what es_log holds.

export interface Acknowledged {
  events: NewEvent[];
  result: AppendResult;
}

/** Every acknowledged append whose result differs from es_log, described; [] when all agree. */
export async function mismatches(url: string, appends: Acknowledged[]): Promise<string[]> {
  const ids = appends.flatMap((a) => a.events.map((e) => e.id));
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ event_id: string; log_index: string | null }>(
      `select e.event_id, l.log_index from es_events e left join es_log l using (global_position)
       where e.event_id = any($1::uuid[])`,
      [ids],
    );
    const truth = new Map(
      rows.map((r) => [r.event_id, r.log_index === null ? null : Number(r.log_index)]),
    );
    const wrong: string[] = [];
    for (const { events, result } of appends) {
      const indexes = events.map((e) => truth.get(e.id));
      if (indexes.some((i) => i === undefined || i === null)) {
        wrong.push(`${events[0]!.id}: not in es_log`);
        continue;
      }
      const held = indexes as number[];
      const first = Math.min(...held);
      const last = Math.max(...held);
      if (first !== result.firstIndex || last !== result.lastIndex)
        wrong.push(
          `${events[0]!.id}: told ${result.firstIndex}-${result.lastIndex}, holds ${first}-${last}`,
        );
    }
    return wrong;
  } finally {
    await client.end();
  }
}

/** Holds a transaction with an xid (the log's horizon) until `release()` is called. */
export async function holdHorizon(url: string, applicationName = 'horizon-holder') {
  const client = new Client({ connectionString: url, application_name: applicationName });
  await client.connect();
  await client.query('begin');
  await client.query('select pg_current_xact_id()');
  return {
    release: async () => {
      await client.query('commit');
      await client.end();
    },
  };
}
