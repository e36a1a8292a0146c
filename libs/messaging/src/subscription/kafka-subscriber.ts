import { fromEventMessage } from '../event-message';
import type { KafkaClient } from '../kafka/kafka-client';
import type { IncomingMessage } from '../kafka/kafka.types';
import { SubscriptionHandlerError } from '../messaging.errors';
import { DEFAULT_PARTITIONS, DEFAULT_TOPIC_PREFIX, topicForCategory } from '../topic-naming';
import type { Subscriber, Subscription, SubscriptionOptions } from './subscription.types';

export interface KafkaSubscriberOptions {
  topicPrefix?: string;
  /** partitions for topics the subscriber has to create (default DEFAULT_PARTITIONS, as the forwarder) */
  partitions?: number;
}

/**
 * Transport A: a Kafka consumer group per subscription (`groupId = name`) over the category
 * topics the forwarder fills. A new group starts from the beginning of each topic; offsets are
 * committed by the facade only after the handler resolved. Ordering holds per partition, and
 * the forwarder keys by partition key, so per (category, partition key). A record that is not
 * a recorded event fails like a handler would and blocks its partition: skipping it could lose
 * an event, and it can only come from a bug.
 */
export class KafkaSubscriber implements Subscriber {
  readonly transport = 'kafka';

  constructor(
    private readonly kafka: KafkaClient,
    private readonly options: KafkaSubscriberOptions = {},
  ) {}

  async subscribe({
    name,
    categories,
    handler,
    onError,
  }: SubscriptionOptions): Promise<Subscription> {
    const prefix = this.options.topicPrefix ?? DEFAULT_TOPIC_PREFIX;
    const topics = categories.map((category) => topicForCategory(category, prefix));
    // A consumer cannot subscribe to a topic that does not exist yet (the forwarder may start later).
    await this.kafka.ensureTopics(topics, this.options.partitions ?? DEFAULT_PARTITIONS);
    const handleMessage = async (message: IncomingMessage) => {
      const event = fromEventMessage(message.value, message);
      try {
        await handler(event);
      } catch (error) {
        throw new SubscriptionHandlerError(name, event.logIndex, error);
      }
    };
    return this.kafka.consumerGroup(name, topics, handleMessage, { fromBeginning: true, onError });
  }
}
