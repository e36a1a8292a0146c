import type { RecordedEvent } from '@caravan/event-store';
import { uniqueName } from '@caravan/testkit';
import { fromEventMessage } from '../src/event-message';
import type { KafkaClient } from '../src/kafka/kafka-client';
import type { ConsumerGroupHandle, IncomingMessage } from '../src/kafka/kafka.types';
import { topicForCategory } from '../src/topic-naming';

/** Records every message on the category topics, as delivered, through a fresh consumer group. */
export interface KafkaObserver {
  messages: IncomingMessage[];
  events(): RecordedEvent[];
  distinctIndexes(): Set<number>;
  stop(): Promise<void>;
}

export async function observeTopics(
  kafka: KafkaClient,
  topicPrefix: string,
  categories: readonly string[],
): Promise<KafkaObserver> {
  const messages: IncomingMessage[] = [];
  const topics = categories.map((c) => topicForCategory(c, topicPrefix));
  await kafka.ensureTopics(topics, 3);
  const handle: ConsumerGroupHandle = await kafka.consumerGroup(
    uniqueName('observer'),
    topics,
    async (m) => {
      messages.push(m);
    },
  );
  const events = () => messages.map((m) => fromEventMessage(m.value, m));
  return {
    messages,
    events,
    distinctIndexes: () => new Set(events().map((e) => e.logIndex)),
    stop: () => handle.stop(),
  };
}
