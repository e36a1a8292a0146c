import type { CheckpointPort, EventLog, LeaderFactory } from '../messaging.ports';
import { createSubscriber } from './subscriber.factory';

// Construction only: neither transport touches PostgreSQL or Kafka until subscribe().
const deps = {
  log: {} as EventLog,
  checkpoints: {} as CheckpointPort,
  leaderFor: (() => ({})) as unknown as LeaderFactory,
};

describe('createSubscriber', () => {
  it('given no brokers (embedded mode), then consumers tail the store', () => {
    expect(createSubscriber({ mode: 'store-tail' }, deps).transport).toBe('store-tail');
  });

  it('given brokers, then consumers join Kafka consumer groups', () => {
    const kafka = { brokers: ['127.0.0.1:9092'], partitions: 6, topicPrefix: 'caravan.' };
    expect(createSubscriber({ mode: 'kafka', kafka }, deps).transport).toBe('kafka');
  });
});
