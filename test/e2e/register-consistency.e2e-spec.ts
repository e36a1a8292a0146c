/* eslint-disable @typescript-eslint/no-explicit-any -- e2e assertions read untyped Nomad JSON */
import type { CaravanUnderTest } from './support/caravan-under-test';
import { startDistributedCaravan } from './support/distributed-caravan';
import { startEmbeddedCaravan } from './support/embedded-caravan';
import { batchJob, http } from './support/jobs-api.helpers';

// What a Nomad client does with what a register tells it: it reads the job back, then updates
// it with EnforceIndex set to the JobModifyIndex it was given. Sixteen clients do that in a loop
// on their own jobs, concurrently. One wrong index (the store telling a writer another
// transaction's index) shows up as a refused update or a read that disagrees.

const CLIENTS = 16;

describe.each([
  ['embedded', startEmbeddedCaravan, 125],
  ['distributed (Kafka)', startDistributedCaravan, 64],
])('register → read → EnforceIndex update, %s', (_mode, start, rounds) => {
  let caravan: CaravanUnderTest;
  beforeAll(async () => {
    caravan = await start();
  }, 120_000);
  afterAll(async () => caravan?.stop(), 60_000);

  it(`${CLIENTS} clients × ${rounds} updates: no refusal, no 5xx, every index true`, async () => {
    const problems: string[] = [];
    let updates = 0;
    const client = async (c: number) => {
      const id = `consistency-${c}`;
      const registered = await http<any>(caravan.baseUrl, 'POST', '/v1/jobs', {
        Job: batchJob(id),
      });
      if (registered.status !== 200)
        return void problems.push(`${id} register: ${registered.text}`);
      let index = Number(registered.body.JobModifyIndex);
      for (let round = 0; round < rounds; round++) {
        const read = await http<any>(caravan.baseUrl, 'GET', `/v1/job/${id}`);
        if (Number(read.body?.JobModifyIndex) !== index)
          problems.push(`${id} round ${round}: told ${index}, read ${read.body?.JobModifyIndex}`);
        const updated = await http<any>(caravan.baseUrl, 'POST', `/v1/job/${id}`, {
          Job: batchJob(id, { Meta: { round: String(round) } }),
          EnforceIndex: true,
          JobModifyIndex: index,
        });
        if (updated.status !== 200) {
          problems.push(`${id} round ${round}: ${updated.status} ${updated.text}`);
          return;
        }
        updates++;
        index = Number(updated.body.JobModifyIndex);
      }
      const last = await http<any>(caravan.baseUrl, 'GET', `/v1/job/${id}`);
      if (Number(last.body?.JobModifyIndex) !== index)
        problems.push(`${id} last: told ${index}, read ${last.body?.JobModifyIndex}`);
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));

    expect(problems).toEqual([]);
    expect(updates).toBe(CLIENTS * rounds);
  }, 300_000);
});
