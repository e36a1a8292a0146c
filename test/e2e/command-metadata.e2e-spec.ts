import { parseJson, stringifyJson } from '@caravan/json';
import pg from 'pg';
import type { CaravanUnderTest } from './support/caravan-under-test';
import { startEmbeddedCaravan } from './support/embedded-caravan';
import { batchJob } from './support/jobs-api.helpers';

// Metadata travels: the request's correlation id, the actor, the command id and the command's
// one clock reach every event a register appends, and the client is told the correlation id.

describe('command metadata in events (embedded)', () => {
  let caravan: CaravanUnderTest;
  let sql: pg.Client;

  beforeAll(async () => {
    caravan = await startEmbeddedCaravan();
    sql = new pg.Client({ connectionString: caravan.databaseUrl });
    await sql.connect();
  }, 120_000);

  afterAll(async () => {
    await sql?.end();
    await caravan?.stop();
  });

  const register = (id: string, headers: Record<string, string> = {}) =>
    fetch(`${caravan.baseUrl}/v1/jobs`, {
      method: 'PUT',
      headers,
      body: stringifyJson({ Job: batchJob(id) }),
    });

  async function metadataOf(correlationId: string) {
    const { rows } = await sql.query<{ type: string; metadata: string; data: string }>(
      `select type, metadata::text as metadata, data::text as data from es_events
        where metadata->>'correlationId' = $1 order by global_position`,
      [correlationId],
    );
    return rows.map((r) => ({
      type: r.type,
      metadata: parseJson<Record<string, unknown>>(r.metadata),
      data: parseJson<{ job?: { SubmitTime: bigint } }>(r.data),
    }));
  }

  it('honours X-Request-Id, returns it, and records it with actor, causation and time', async () => {
    const response = await register('meta-e2e', { 'X-Request-Id': 'e2e-request-7' });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-caravan-correlation-id')).toBe('e2e-request-7');

    const events = await metadataOf('e2e-request-7');
    expect(events.map((e) => e.type)).toEqual(['JobVersionRegistered', 'EvaluationCreated']);
    const [first, second] = events;
    expect(first!.metadata).toMatchObject({ actor: 'anonymous', correlationId: 'e2e-request-7' });
    expect(first!.metadata.causationId).toMatch(/^[0-9a-f-]{36}$/);
    // One command: one causation id and one clock, which is also the job's SubmitTime.
    expect(second!.metadata).toEqual(first!.metadata);
    expect(first!.metadata.time).toBe(first!.data.job!.SubmitTime);
  });

  it('mints a correlation id when the client sends none (or an unusable one)', async () => {
    const response = await register('meta-e2e-2', { 'X-Request-Id': 'has spaces in it' });
    expect(response.status).toBe(200);
    const id = response.headers.get('x-caravan-correlation-id');
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await metadataOf(id!)).length).toBe(2);
    const read = await fetch(`${caravan.baseUrl}/v1/job/meta-e2e-2`);
    expect(read.headers.get('x-caravan-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(read.headers.get('x-caravan-correlation-id')).not.toBe(id);
  });
});
