import { PostgresEventStore } from '@caravan/event-store';
import { eventStorePorts } from '../src/event-store-ports';
import { Forwarder } from '../src/forwarder/forwarder';
import { KafkaClient } from '../src/kafka/kafka-client';
import type { CheckpointPort } from '../src/messaging.ports';

// A forwarder in its own process, so forwarder.int-spec.ts can SIGKILL it: no shutdown code
// runs, connections just drop. Env: DATABASE_URL, KAFKA_BROKERS, TOPIC_PREFIX, BATCH_SIZE;
// CRASH_ON_SAVE=n kills the process at its n-th checkpoint save, i.e. after Kafka acknowledged
// that batch and before the checkpoint records it (the worst moment: the batch is resent);
// SAVE_DELAY_MS slows every save so a test can kill it mid-stream.

async function main(): Promise<void> {
  const env = process.env;
  const databaseUrl = env.DATABASE_URL ?? '';
  const store = await PostgresEventStore.open(databaseUrl);
  const ports = eventStorePorts(store, databaseUrl, { retryMs: 100 });
  const crashOnSave = Number(env.CRASH_ON_SAVE ?? 0);
  const saveDelayMs = Number(env.SAVE_DELAY_MS ?? 0);
  let saves = 0;
  const checkpoints: CheckpointPort = {
    load: (name) => ports.checkpoints.load(name),
    save: async (name, index) => {
      saves += 1;
      if (saves === crashOnSave) {
        process.kill(process.pid, 'SIGKILL');
        await new Promise(() => undefined);
      }
      await new Promise((resolve) => setTimeout(resolve, saveDelayMs));
      await ports.checkpoints.save(name, index);
    },
  };
  const kafka = new KafkaClient({
    brokers: (env.KAFKA_BROKERS ?? '').split(','),
    clientId: 'forwarder-child',
  });
  const forwarder = new Forwarder(
    { log: store, checkpoints, leader: ports.leaderFor('forwarder'), kafka },
    { topicPrefix: env.TOPIC_PREFIX, batchSize: Number(env.BATCH_SIZE ?? 10), partitions: 3 },
  );
  await forwarder.start();
  process.stdout.write('forwarder started\n');
}

main().catch((error: unknown) => {
  process.stderr.write(`forwarder child failed: ${String(error)}\n`);
  process.exit(1);
});
