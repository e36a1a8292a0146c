import { KafkaClient } from '../kafka/kafka-client';
import type { CheckpointPort, EventLog, LeaderFactory } from '../messaging.ports';
import { KafkaSubscriber } from './kafka-subscriber';
import { StoreTailSubscriber, type StoreTailSubscriberOptions } from './store-tail-subscriber';
import type { Subscriber } from './subscription.types';

/**
 * Which transport consumers use; the shape of @caravan/config's `TransportSetting`
 * (KAFKA_BROKERS set → kafka, unset → store-tail), restated so this library does not depend on
 * the config library.
 */
export type MessagingTransport =
  | { mode: 'kafka'; kafka: { brokers: string[]; partitions: number; topicPrefix: string } }
  | { mode: 'store-tail' };

export interface SubscriberDeps {
  log: EventLog;
  checkpoints: CheckpointPort;
  leaderFor: LeaderFactory;
  /** reuse a client; otherwise one is made from the transport's brokers */
  kafka?: KafkaClient;
  clientId?: string;
}

export function createSubscriber(
  transport: MessagingTransport,
  deps: SubscriberDeps,
  storeTail: StoreTailSubscriberOptions = {},
): Subscriber {
  if (transport.mode === 'store-tail') return new StoreTailSubscriber(deps, storeTail);
  const { brokers, partitions, topicPrefix } = transport.kafka;
  const kafka = deps.kafka ?? new KafkaClient({ brokers, clientId: deps.clientId ?? 'caravan' });
  return new KafkaSubscriber(kafka, { topicPrefix, partitions });
}
