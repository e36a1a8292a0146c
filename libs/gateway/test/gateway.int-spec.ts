import { createLogger } from '@caravan/observability';
import { createTestDatabase, freePort, type TestDatabase } from '@caravan/testkit';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { Client } from 'pg';
import { createGatewayApp } from '../src/create-gateway-app';
import type { JobRegistryPort } from '../src/ports/job-registry.port';
import { EchoModule } from './echo.fixture';
import {
  connectWithReadModels,
  projectJobRegistered,
  publishIndex,
} from './read-model-tables.fixture';

// Not used by any route yet; the app only needs something to inject.
const registry: JobRegistryPort = {
  execute: () => Promise.reject(new Error('no registry in this test')),
};

describe('gateway over HTTP (Fastify, real PostgreSQL)', () => {
  let db: TestDatabase;
  let sql: Client;
  let app: NestFastifyApplication;
  let base: string;

  const get = (path: string, init?: RequestInit) => fetch(`${base}${path}`, init);

  beforeAll(async () => {
    db = await createTestDatabase();
    sql = await connectWithReadModels(db.url);
    await publishIndex(sql, 5, { rm_jobs: 5 });
    app = await createGatewayApp({
      databaseUrl: db.url,
      registry,
      app: 'gateway-test',
      logger: createLogger('gateway-test', { level: 'silent' }),
      imports: [EchoModule],
    });
    const port = await freePort();
    await app.listen(port, '127.0.0.1');
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await app?.close();
    await sql?.end();
    await db?.drop();
  });

  it('lists no jobs as [] with the read headers', async () => {
    const res = await get('/v1/jobs');
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('[]');
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(res.headers.get('x-nomad-index')).toBe('5');
    expect(res.headers.get('x-nomad-knownleader')).toBe('true');
    expect(res.headers.get('x-nomad-lastcontact')).toBe('0');
  });

  it('answers an unknown route with a bare 404 and a known path with a wrong method with 405', async () => {
    const missing = await get('/v1/nope');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toBe('');
    const wrongMethod = await get('/v1/jobs', { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await wrongMethod.text()).toBe('Invalid method');
  });

  it.each([
    ['/v1/jobs?index=abc', 'Invalid index'],
    ['/v1/jobs?index=-1', 'Invalid index'],
    ['/v1/jobs?index=1&wait=10x', 'Invalid wait time'],
  ])('rejects %s with 400 %s', async (path, message) => {
    const res = await get(path);
    expect(res.status).toBe(400);
    expect(await res.text()).toBe(message);
  });

  it('blocks until the wait runs out and then returns the same index', async () => {
    const started = Date.now();
    const res = await get('/v1/jobs?index=5&wait=1s');
    const elapsed = Date.now() - started;
    expect(res.status).toBe(200);
    expect(res.headers.get('x-nomad-index')).toBe('5');
    expect(elapsed).toBeGreaterThanOrEqual(1_000);
    expect(elapsed).toBeLessThan(1_000 + 1_000 / 16 + 1_500);
  });

  it('returns a blocked query promptly once the projector announces a newer index', async () => {
    const started = Date.now();
    const pending = get('/v1/jobs?index=5&wait=30s');
    await new Promise((r) => setTimeout(r, 200));
    await projectJobRegistered(db.url, 'web', 6);
    const res = await pending;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(res.headers.get('x-nomad-index')).toBe('6');
    // The int64 beyond 2^53 survives the round trip exactly.
    expect(await res.text()).toContain('"SubmitTime":1700000000123456789');
  });

  it('pretty-prints with ?pretty', async () => {
    const text = await (await get('/v1/jobs?pretty')).text();
    expect(text.startsWith('[\n    {\n        "')).toBe(true);
    expect(text).toContain('\n        "ID": "web",\n');
    expect(text.endsWith(']\n')).toBe(true);
    expect(await (await get('/v1/jobs?pretty=0')).text()).not.toContain('\n');
  });

  it('decodes bodies whatever the content type, bigint-safe, and answers writes with 200', async () => {
    const res = await get('/v1/test/echo', {
      method: 'POST',
      body: '{"N": 9007199254740993} trailing',
    });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('{"received":{"N":9007199254740993}}');
  });

  it('rejects undecodable bodies with Go-worded 400s', async () => {
    // The method is checked before the body, as in Nomad.
    const wrongMethod = await get('/v1/test/echo', { method: 'PUT', body: '{"Job": x}' });
    expect(wrongMethod.status).toBe(405);
    const res = await get('/v1/test/echo', { method: 'POST', body: '{"Job": x}' });
    expect(res.status).toBe(400);
    expect(await res.text()).toBe("invalid character 'x' looking for beginning of value");
    const truncated = await get('/v1/test/echo', { method: 'POST', body: '{"Job": {' });
    expect(await truncated.text()).toBe('unexpected EOF');
    const blank = await get('/v1/test/echo', { method: 'POST', body: '  ' });
    expect([blank.status, await blank.text()]).toEqual([400, 'EOF']);
  });

  it('maps coded errors from below the controller to Nomad statuses', async () => {
    const post = (fail: string) =>
      get('/v1/test/echo', { method: 'POST', body: JSON.stringify({ fail }) });
    const denied = await post('PERMISSION_DENIED');
    expect(denied.status).toBe(403);
    expect(await denied.text()).toBe('failed with PERMISSION_DENIED');
    const other = await post('WRONG_EXPECTED_VERSION');
    expect(other.status).toBe(500);
    expect(await other.text()).toBe('failed with WRONG_EXPECTED_VERSION');
  });

  it('serves agent health in Nomad shape', async () => {
    const res = await get('/v1/agent/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      client: { ok: true, message: 'ok' },
      server: { ok: true, message: 'ok' },
    });
  });

  it('serves metrics as Prometheus text and as JSON', async () => {
    const text = await (await get('/v1/metrics?format=prometheus')).text();
    expect(text).toMatch(
      /caravan_http_request_duration_seconds_count\{[^}]*route="\/v1\/jobs"[^}]*\} \d+/,
    );
    expect(text).toContain('app="gateway-test"');
    const json = (await (await get('/v1/metrics')).json()) as {
      Gauges: { Name: string }[];
      Samples: unknown[];
    };
    expect(json.Gauges.map((g) => g.Name)).toContain('caravan_index_waiters');
    expect(json.Samples.length).toBeGreaterThan(0);
  });
});
