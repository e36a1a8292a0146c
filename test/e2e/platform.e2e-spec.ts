import { Client } from 'pg';
import { waitFor } from '@caravan/testkit';
import type { CaravanUnderTest } from './support/caravan-under-test';
import { startDistributedCaravan } from './support/distributed-caravan';
import { startEmbeddedCaravan } from './support/embedded-caravan';

// The platform answers the same way from the embedded process and from the multi-process
// topology wired through Kafka.

describe.each([
  ['embedded', startEmbeddedCaravan],
  ['distributed (Kafka)', startDistributedCaravan],
])('platform basics, %s', (_mode, start) => {
  let caravan: CaravanUnderTest;
  beforeAll(async () => {
    caravan = await start();
  }, 120_000);
  afterAll(async () => caravan?.stop(), 60_000);

  it('GET /v1/jobs answers an empty list with Nomad read headers', async () => {
    const response = await fetch(`${caravan.baseUrl}/v1/jobs`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual([]);
    expect(Number(response.headers.get('x-nomad-index'))).toBeGreaterThanOrEqual(1);
    expect(response.headers.get('x-nomad-knownleader')).toBe('true');
    expect(response.headers.get('x-nomad-lastcontact')).toBe('0');
  });

  it('serves health and Prometheus metrics', async () => {
    const health = await fetch(`${caravan.baseUrl}/v1/agent/health`);
    expect(await health.json()).toMatchObject({ server: { ok: true } });
    const metrics = await fetch(`${caravan.baseUrl}/v1/metrics?format=prometheus`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toMatch(/^# HELP /m);
  });

  it('registers the simulated nodes and projects them into the read model', async () => {
    const client = new Client({ connectionString: caravan.databaseUrl });
    await client.connect();
    try {
      await waitFor(
        async () => (await client.query('select count(*)::int as n from rm_nodes')).rows[0].n === 3,
        {
          timeoutMs: 20_000,
          message: 'three nodes never reached rm_nodes',
        },
      );
    } finally {
      await client.end();
    }
  });

  it('answers an undecodable body with Nomad 400 text, and an unknown route with 404', async () => {
    const bad = await fetch(`${caravan.baseUrl}/v1/jobs`, { method: 'POST', body: '{"Job": ' });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/text\/plain/);
    const missing = await fetch(`${caravan.baseUrl}/v1/no-such-thing`);
    expect(missing.status).toBe(404);
  });
});
