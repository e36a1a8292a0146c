/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-unsafe-return -- e2e assertions read untyped Nomad JSON */
import type { CaravanUnderTest } from './support/caravan-under-test';
import { startEmbeddedCaravan } from './support/embedded-caravan';
import { batchJob, http } from './support/jobs-api.helpers';

// GET /v1/jobs pages with a filter: per_page counts matches only, the next token is the next
// match, and walking the pages yields every match once (the list runs as keyset queries).

describe('GET /v1/jobs per_page with a filter across pages (embedded)', () => {
  let caravan: CaravanUnderTest;
  const get = (path: string) => http<any[]>(caravan.baseUrl, 'GET', path);
  const ids = Array.from({ length: 12 }, (_, k) => `pf-${String(k).padStart(2, '0')}`);
  const team = (k: number) => (k % 3 === 0 ? 'red' : 'blue');

  beforeAll(async () => {
    caravan = await startEmbeddedCaravan();
    for (const [k, id] of ids.entries()) {
      const res = await http(caravan.baseUrl, 'PUT', '/v1/jobs', {
        Job: batchJob(id, { Meta: { team: team(k) } }),
      });
      expect(res.status).toBe(200);
    }
  }, 120_000);
  afterAll(async () => caravan?.stop(), 60_000);

  const filter = encodeURIComponent('Meta.team == "blue"');
  const blue = ids.filter((_, k) => team(k) === 'blue');

  it('counts only matches per page and points the token at the next match', async () => {
    const first = await get(`/v1/jobs?prefix=pf-&per_page=3&filter=${filter}`);
    expect(first.body.map((j) => j.ID)).toEqual(blue.slice(0, 3));
    expect(first.headers.get('x-nomad-nexttoken')).toBe(`default.${blue[3]}`);
    const second = await get(
      `/v1/jobs?prefix=pf-&per_page=3&filter=${filter}&next_token=default.${blue[3]}`,
    );
    expect(second.body.map((j) => j.ID)).toEqual(blue.slice(3, 6));
  });

  it('walks every match once, forwards and in reverse, with stubs and summaries', async () => {
    for (const reverse of [false, true]) {
      const seen: string[] = [];
      let token = '';
      do {
        const res = await get(
          `/v1/jobs?prefix=pf-&per_page=5&filter=${filter}&reverse=${reverse}` +
            (token === '' ? '' : `&next_token=${encodeURIComponent(token)}`),
        );
        expect(res.status).toBe(200);
        for (const stub of res.body) expect(stub.JobSummary.JobID).toBe(stub.ID);
        seen.push(...res.body.map((j) => j.ID as string));
        token = res.headers.get('x-nomad-nexttoken') ?? '';
      } while (token !== '' && seen.length <= ids.length);
      expect(seen).toEqual(reverse ? [...blue].reverse() : blue);
    }
  });

  it('serves the same list pretty-printed with ?pretty', async () => {
    const plain = await get('/v1/jobs?prefix=pf-&per_page=2&meta=true');
    const pretty = await http(
      caravan.baseUrl,
      'GET',
      '/v1/jobs?prefix=pf-&per_page=2&meta=true&pretty',
    );
    expect(pretty.text.endsWith('\n')).toBe(true);
    expect(pretty.text).toContain('\n    {');
    expect(JSON.parse(pretty.text)).toEqual(JSON.parse(plain.text));
    expect(plain.body[0].Meta).toEqual({ team: 'red' });
  });
});
