// Messaging: the forwarder (log → Kafka) and subscriptions (Kafka or store tail → handlers).
// README.md states the glossary and the delivery contract.
export * from './messaging.ports';
export * from './messaging.errors';
export * from './topic-naming';
export * from './event-message';
export * from './event-store-ports';
export { KafkaClient } from './kafka/kafka-client';
export * from './kafka/kafka.types';
export * from './forwarder/forwarder';
export * from './subscription/subscription.types';
export { KafkaSubscriber, type KafkaSubscriberOptions } from './subscription/kafka-subscriber';
export * from './subscription/store-tail-subscriber';
export * from './subscription/subscriber.factory';
