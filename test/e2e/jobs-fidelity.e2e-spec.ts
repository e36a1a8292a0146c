/* eslint-disable @typescript-eslint/no-explicit-any -- e2e assertions read untyped Nomad JSON */
import type { CaravanUnderTest } from './support/caravan-under-test';
import { startDistributedCaravan } from './support/distributed-caravan';
import { startEmbeddedCaravan } from './support/embedded-caravan';
import { http, samplePayload } from './support/jobs-api.helpers';

// Answers found to differ from Nomad by using Caravan as a client would, in both topologies.

function jobWith(id: string, extra: Record<string, unknown>): Record<string, unknown> {
  const { Job } = samplePayload(id) as { Job: Record<string, unknown> };
  return { Job: { ...Job, ...extra } };
}

describe.each([
  ['embedded', startEmbeddedCaravan],
  ['distributed (Kafka)', startDistributedCaravan],
])('Nomad fidelity, %s', (_mode, start) => {
  let caravan: CaravanUnderTest;
  const call = <T = any>(method: string, path: string, body?: unknown) =>
    http<T>(caravan.baseUrl, method, path, body);

  beforeAll(async () => {
    caravan = await start();
  }, 120_000);
  afterAll(async () => caravan?.stop(), 60_000);

  it("keeps UI links' URLs on register (the api package's URL, the server's Url)", async () => {
    const ui = {
      Description: 'cache tier',
      Links: [
        { Label: 'Dashboard', URL: 'https://grafana.example/d/cache' }, // as the Go client sends it
        { Label: 'Runbook', Url: 'https://wiki.example/cache' }, // as a GET shows it, re-sent
      ],
    };
    expect((await call('POST', '/v1/jobs', jobWith('ui-links', { UI: ui }))).status).toBe(200);
    const job = await call('GET', '/v1/job/ui-links');
    expect(job.status).toBe(200);
    expect(job.body.UI).toEqual({
      Description: 'cache tier',
      Links: [
        { Label: 'Dashboard', Url: 'https://grafana.example/d/cache' },
        { Label: 'Runbook', Url: 'https://wiki.example/cache' },
      ],
    });
  });

  it('parses a default identity block into Identity, leaving Identities empty', async () => {
    const hcl = (identities: string) =>
      `job "id" {\n  group "g" {\n    task "t" {\n      driver = "docker"\n${identities}    }\n  }\n}\n`;
    const res = await call('POST', '/v1/jobs/parse', {
      JobHCL: hcl('      identity {\n        env = true\n      }\n'),
    });
    expect(res.status).toBe(200);
    const task = res.body.TaskGroups[0].Tasks[0];
    expect(task.Identity).toMatchObject({ Name: '', Env: true, File: false });
    expect(task.Identities).toEqual([]);

    const named = await call('POST', '/v1/jobs/parse', {
      JobHCL: hcl(
        '      identity {\n        env = true\n      }\n' +
          '      identity {\n        name = "vault_default"\n        aud  = ["vault.io"]\n      }\n',
      ),
    });
    const both = named.body.TaskGroups[0].Tasks[0];
    expect(both.Identity).toMatchObject({ Name: '', Env: true });
    expect(both.Identities).toEqual([
      expect.objectContaining({ Name: 'vault_default', Audience: ['vault.io'] }),
    ]);
  });

  it('matches filters with RE2, and reports patterns RE2 rejects as Go does', async () => {
    expect((await call('POST', '/v1/jobs', jobWith('Web-Frontend', {}))).status).toBe(200);
    const list = (filter: string) =>
      call<{ ID: string }[]>('GET', `/v1/jobs?filter=${encodeURIComponent(filter)}`);

    const caseless = await list('ID matches "(?i)^web-\\\\pL+$"');
    expect(caseless.status).toBe(200);
    expect(caseless.body.map((stub) => stub.ID)).toEqual(['Web-Frontend']);

    const backreference = await list('ID matches "(a)\\\\1"'); // JavaScript would accept it
    expect(backreference.status).toBe(400);
    expect(backreference.text).toContain(
      'Failed to compile regular expression "(a)\\\\1": error parsing regexp: invalid escape sequence: `\\1`',
    );
  });

  it('validates regexp constraints with RE2 and quotes Go’s error', async () => {
    const constraint = { LTarget: '${attr.os.name}', RTarget: '(?=ubuntu)', Operand: 'regexp' };
    const res = await call('POST', '/v1/jobs', jobWith('lookahead', { Constraints: [constraint] }));
    expect(res.status).toBe(500);
    expect(res.text).toContain(
      'Regular expression failed to compile: error parsing regexp: invalid or unsupported Perl syntax: `(?=`',
    );
  });
});
