import { Kafka, logLevel } from 'kafkajs';
import { Client } from 'pg';
import { createTestDatabase, kafkaBrokers, uniqueName, waitFor } from './index';

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

describe('testkit against the real servers from globalSetup', () => {
  it('creates a writable database of its own and drops it', async () => {
    const db = await createTestDatabase();
    const name = new URL(db.url).pathname.slice(1);
    expect(name).toMatch(/^caravan_t_[0-9a-f]{12}$/);

    const client = new Client({ connectionString: db.url });
    await client.connect();
    await client.query('CREATE TABLE t (id int PRIMARY KEY, note text)');
    await client.query("INSERT INTO t VALUES (1, 'héllo')");
    const rows = (await client.query('SELECT current_database() AS db, note FROM t')).rows;
    expect(rows).toEqual([{ db: name, note: 'héllo' }]);
    // Left open on purpose: drop() must terminate the connections it finds.
    client.on('error', () => undefined);

    await db.drop();
    const left = await query<{ n: string }>(
      process.env.DATABASE_URL!,
      `SELECT count(*) AS n FROM pg_database WHERE datname = '${name}'`,
    );
    expect(left).toEqual([{ n: '0' }]);
    await client.end().catch(() => undefined);
  });

  it('produces and consumes a message on a unique topic', async () => {
    const kafka = new Kafka({
      clientId: uniqueName('testkit'),
      brokers: kafkaBrokers(),
      logLevel: logLevel.NOTHING,
    });
    const topic = uniqueName('testkit-topic');
    const admin = kafka.admin();
    const producer = kafka.producer();
    // A short fetch wait: disconnect() waits for the in-flight fetch (5 s by default).
    const consumer = kafka.consumer({ groupId: uniqueName('testkit-group'), maxWaitTimeInMs: 100 });
    try {
      await admin.connect();
      await admin.createTopics({ topics: [{ topic, numPartitions: 1 }], waitForLeaders: true });
      await producer.connect();
      const value = `ping ${topic}`;
      await producer.send({ topic, messages: [{ key: 'k', value }] });

      const received: string[] = [];
      await consumer.connect();
      await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message }) => {
          received.push(message.value?.toString() ?? '');
        },
      });
      await waitFor(() => received.length > 0, {
        timeoutMs: 30_000,
        message: `a message on ${topic}`,
      });
      expect(received).toEqual([value]);
    } finally {
      await consumer.disconnect();
      await producer.disconnect();
      await admin.disconnect();
    }
  }, 60_000);
});
