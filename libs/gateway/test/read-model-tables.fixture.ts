import { randomUUID } from 'node:crypto';
import { aJob } from '@caravan/domain/jobs';
import type { RecordedEvent } from '@caravan/event-store';
import { stringifyJson } from '@caravan/json';
import {
  applyBatch,
  createReadModelDataSource,
  PROJECTOR_NAME,
  READ_MODELS,
  readModelSchema,
} from '@caravan/read-models';
import { Client } from 'pg';

/** A client on the test database with the read-model tables created by libs/read-models. */
export async function connectWithReadModels(url: string): Promise<Client> {
  const client = new Client({ connectionString: url });
  await client.connect();
  for (const statement of readModelSchema()) await client.query(statement);
  return client;
}

/** What the projector does after a batch: bump the indexes, then NOTIFY (committed together). */
export async function publishIndex(
  client: Client,
  applied: number,
  tables: Record<string, number>,
): Promise<void> {
  await client.query('BEGIN');
  await client.query(
    `INSERT INTO rm_checkpoint (name, "index") VALUES ('projector', $1)
     ON CONFLICT (name) DO UPDATE SET "index" = excluded."index"`,
    [applied],
  );
  for (const [table, index] of Object.entries(tables)) {
    await client.query(
      `INSERT INTO rm_table_index (table_name, "index") VALUES ($1, $2)
       ON CONFLICT (table_name) DO UPDATE SET "index" = excluded."index"`,
      [table, index],
    );
  }
  await client.query('SELECT pg_notify($1, $2)', [
    'caravan_index',
    stringifyJson({ applied, tables }),
  ]);
  await client.query('COMMIT');
}

/**
 * Registers a job the way production does: a JobVersionRegistered event at `logIndex`, applied
 * by the read-models projector (rows, table indexes, checkpoint and NOTIFY in one transaction).
 */
export async function projectJobRegistered(
  url: string,
  id: string,
  logIndex: number,
): Promise<void> {
  const dataSource = createReadModelDataSource(url, { poolSize: 1 });
  await dataSource.initialize();
  try {
    const event: RecordedEvent = {
      id: randomUUID(),
      streamId: `job-default/${id}`,
      category: 'job',
      partitionKey: `default/${id}`,
      streamPosition: 1,
      globalPosition: logIndex,
      logIndex,
      type: 'JobVersionRegistered',
      schemaVersion: 1,
      data: {
        job: aJob({ ID: id, Name: id, SubmitTime: 1700000000123456789n }),
        createIndex: null,
        submission: null,
      },
      metadata: {},
      recordedAt: new Date(0),
    };
    const outcome = await applyBatch(dataSource, projections, PROJECTOR_NAME, logIndex - 1, [
      event,
    ]);
    if (outcome.kind !== 'applied')
      throw new Error(`projector checkpoint moved to ${outcome.current}`);
  } finally {
    await dataSource.destroy();
  }
}

const projections = READ_MODELS.map((m) => m.projection);
