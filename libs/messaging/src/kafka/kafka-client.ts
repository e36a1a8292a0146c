import { Kafka, Partitioners, logLevel, type EachBatchPayload } from 'kafkajs';
import { headersToStrings } from './kafka-headers';
import type {
  ConsumerGroupHandle,
  ConsumerGroupOptions,
  IncomingMessage,
  KafkaClientOptions,
  MessageHandler,
  OutgoingMessage,
  Producer,
} from './kafka.types';

const LOG_LEVELS = {
  nothing: logLevel.NOTHING,
  error: logLevel.ERROR,
  warn: logLevel.WARN,
  info: logLevel.INFO,
  debug: logLevel.DEBUG,
} as const;

/** Our Kafka facade: the only code in the repository that imports kafkajs. */
export class KafkaClient {
  private readonly kafka: Kafka;

  constructor(options: KafkaClientOptions) {
    this.kafka = new Kafka({
      clientId: options.clientId,
      brokers: options.brokers,
      logLevel: LOG_LEVELS[options.logLevel ?? 'error'],
    });
  }

  /** Creates the topics that do not exist yet; existing topics are left as they are. */
  async ensureTopics(names: readonly string[], partitions: number): Promise<void> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = [...new Set(names)].filter((name) => !existing.has(name));
      if (missing.length === 0) return;
      // createTopics resolves false (no throw) when a concurrent creator won the race.
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({ topic, numPartitions: partitions })),
      });
    } finally {
      await admin.disconnect();
    }
  }

  async producer(): Promise<Producer> {
    const producer = this.kafka.producer({
      // The Java-compatible murmur2 partitioner, chosen explicitly (this also silences kafkajs's
      // partitioner warning): a key maps to the same partition whichever client produces it.
      createPartitioner: Partitioners.DefaultPartitioner,
      // One request in flight per broker, so a retried request cannot overtake the next one:
      // records of a key stay in send order. Idempotence is off: kafkajs marks it experimental,
      // and it only removes retry duplicates within one producer session, while a restarted
      // forwarder resends its unacknowledged batch anyway. Consumers dedupe both kinds.
      idempotent: false,
      maxInFlightRequests: 1,
      // Topics are created up front with our partition count; auto-creation would use the
      // broker's default (often 1) and silently cap consumer parallelism.
      allowAutoTopicCreation: false,
    });
    await producer.connect();
    return {
      async send(messages) {
        if (messages.length === 0) return;
        await producer.sendBatch({ acks: -1, topicMessages: groupByTopic(messages) });
      },
      disconnect: () => producer.disconnect(),
    };
  }

  /**
   * Joins `groupId` and feeds each record of `topics` to `handler`, one at a time per partition,
   * in offset order. An offset is committed only after the handler resolved for that record and
   * every earlier one of its partition. When the handler throws, the records before it are
   * committed and the consumer retries from the failed record.
   */
  async consumerGroup(
    groupId: string,
    topics: readonly string[],
    handler: MessageHandler,
    options: ConsumerGroupOptions = {},
  ): Promise<ConsumerGroupHandle> {
    const consumer = this.kafka.consumer({ groupId, allowAutoTopicCreation: false });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      if (!payload.restart) options.onError?.(payload.error);
    });
    await consumer.connect();
    try {
      await consumer.subscribe({
        topics: [...topics],
        fromBeginning: options.fromBeginning ?? true,
      });
      await consumer.run({
        autoCommit: false,
        eachBatchAutoResolve: false,
        eachBatch: (payload) => processBatch(payload, handler, options.onError),
      });
    } catch (error) {
      await consumer.disconnect();
      throw error;
    }
    // disconnect() stops the runner first: it waits for the batch in hand, then leaves the group.
    return { stop: () => consumer.disconnect() };
  }
}

async function processBatch(
  payload: EachBatchPayload,
  handler: MessageHandler,
  onError: ((error: unknown) => void) | undefined,
): Promise<void> {
  const { batch } = payload;
  let commitOffset: string | undefined; // Kafka commits the *next* offset to read
  try {
    for (const message of batch.messages) {
      if (!payload.isRunning() || payload.isStale()) break;
      const incoming: IncomingMessage = {
        topic: batch.topic,
        partition: batch.partition,
        offset: message.offset,
        key: message.key?.toString() ?? null,
        value: message.value?.toString() ?? null,
        headers: headersToStrings(message.headers),
      };
      try {
        await handler(incoming);
      } catch (error) {
        onError?.(error);
        throw error;
      }
      payload.resolveOffset(message.offset);
      commitOffset = (BigInt(message.offset) + 1n).toString();
      await payload.heartbeat();
    }
  } finally {
    // Also on failure: what was handled is committed, the failed record is fetched again.
    if (commitOffset !== undefined) {
      const partitions = [{ partition: batch.partition, offset: commitOffset }];
      await payload.commitOffsetsIfNecessary({ topics: [{ topic: batch.topic, partitions }] });
    }
  }
}

function groupByTopic(messages: readonly OutgoingMessage[]) {
  const byTopic = new Map<
    string,
    { key: string; value: string; headers: Record<string, string> }[]
  >();
  for (const { topic, key, value, headers } of messages) {
    const list = byTopic.get(topic) ?? [];
    list.push({ key, value, headers });
    byTopic.set(topic, list);
  }
  return [...byTopic].map(([topic, topicMessages]) => ({ topic, messages: topicMessages }));
}
