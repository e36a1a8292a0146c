import { randomUUID } from 'node:crypto';
import { Client, credentials, status, type ServiceError } from '@grpc/grpc-js';
import { aJob } from '@caravan/domain/jobs';
import { PostgresEventStore } from '@caravan/event-store';
import { parseJson, stringifyJson } from '@caravan/json';
import { JobStreamWriter, RegistryCommands } from '@caravan/registry';
import { GrpcRegistryClient, GrpcRegistryServer } from '@caravan/rpc';
import { createTestDatabase, type TestDatabase } from '@caravan/testkit';
import pg from 'pg';

// The registry's command boundary over real gRPC and a real event store: whatever arrives on
// the wire, a malformed command is INVALID_ARGUMENT and the log does not move.

const METHOD = '/caravan.registry.v1.JobRegistry/Execute';
const NOW = 1_732_608_000_123_456_789n;

const meta = (overrides: Record<string, unknown> = {}) => ({
  actor: 'anonymous',
  correlationId: 'corr-int-1',
  commandId: randomUUID(),
  now: NOW,
  ...overrides,
});

const registerPayload = (job: unknown) => ({
  job,
  enforceIndex: false,
  jobModifyIndex: 0,
  preserveCounts: false,
  evalPriority: 0,
  submission: null,
});

describe('registry command boundary over gRPC', () => {
  let db: TestDatabase;
  let store: PostgresEventStore;
  let server: GrpcRegistryServer;
  let raw: Client;
  let target: string;
  let sql: pg.Client;

  beforeAll(async () => {
    db = await createTestDatabase();
    store = await PostgresEventStore.open(db.url, { poolSize: 4 });
    server = new GrpcRegistryServer(new RegistryCommands(new JobStreamWriter(store)).execute);
    target = `127.0.0.1:${await server.listen('127.0.0.1:0')}`;
    raw = new Client(target, credentials.createInsecure());
    sql = new pg.Client({ connectionString: db.url });
    await sql.connect();
  });

  afterAll(async () => {
    raw?.close();
    await sql?.end();
    await server?.close();
    await store?.close();
    await db?.drop();
  });

  /** Sends bytes as they are, so the test controls exactly what crosses the wire. */
  function sendBytes(bytes: Buffer): Promise<ServiceError | null> {
    return new Promise((resolve) => {
      raw.makeUnaryRequest(
        METHOD,
        (b: Buffer) => b,
        (b: Buffer) => b,
        bytes,
        { deadline: new Date(Date.now() + 5000) },
        (error) => resolve(error),
      );
    });
  }

  const logHead = async () => {
    const { rows } = await sql.query<{ n: string }>('select count(*)::text as n from es_events');
    return { head: await store.headIndex(), events: Number(rows[0]!.n) };
  };

  it.each([
    ['bytes that are not JSON', Buffer.from('{"type": "RegisterJob", ')],
    ['a JSON array', Buffer.from('[1, 2]')],
    ['an unknown command type', { type: 'DropEverything', payload: {}, meta: meta() }],
    [
      'meta without its clock',
      { type: 'EvaluateJob', payload: {}, meta: meta({ now: undefined }) },
    ],
    [
      'a register without a job',
      { type: 'RegisterJob', payload: registerPayload(undefined), meta: meta() },
    ],
    [
      'a job whose task groups are not a list',
      {
        type: 'RegisterJob',
        payload: registerPayload({ ...aJob(), TaskGroups: 'web' }),
        meta: meta(),
      },
    ],
    [
      'a stability flag that is a string',
      {
        type: 'SetJobStability',
        payload: { namespace: 'default', jobId: 'web', jobVersion: 0, stable: 'yes' },
        meta: meta(),
      },
    ],
  ])('answers %s with INVALID_ARGUMENT and appends nothing', async (_, command) => {
    const before = await logHead();
    const bytes = Buffer.isBuffer(command) ? command : Buffer.from(stringifyJson(command));
    const error = await sendBytes(bytes);
    expect(error?.code).toBe(status.INVALID_ARGUMENT);
    expect(error?.details).toMatch(/^(malformed command|invalid |unknown registry command)/);
    expect(await logHead()).toEqual(before);
  });

  it('reaches the gateway port as the coded error the gateway maps to 400', async () => {
    const client = new GrpcRegistryClient(target, { timeoutMs: 5000 });
    try {
      const refusal = client.execute({ type: 'RevertJob', payload: { jobId: 7 }, meta: meta() });
      await expect(refusal).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    } finally {
      client.close();
    }
  });

  it('records the command meta on every event of a valid command', async () => {
    const client = new GrpcRegistryClient(target, { timeoutMs: 5000 });
    const commandMeta = meta({ correlationId: 'corr-valid-1' });
    try {
      const job = aJob({ ID: 'meta-job', Name: 'meta-job' });
      const { index } = await client.execute({
        type: 'RegisterJob',
        payload: registerPayload(job),
        meta: commandMeta,
      });
      expect(index).toBeGreaterThan(0);
    } finally {
      client.close();
    }
    const { rows } = await sql.query<{ type: string; metadata: string }>(
      `select type, metadata::text as metadata from es_events
        where metadata->>'correlationId' = 'corr-valid-1' order by global_position`,
    );
    expect(rows.map((r) => r.type)).toEqual(['JobVersionRegistered', 'EvaluationCreated']);
    for (const row of rows)
      expect(parseJson(row.metadata)).toEqual({
        actor: 'anonymous',
        correlationId: 'corr-valid-1',
        causationId: commandMeta.commandId,
        time: NOW,
      });
  });
});
