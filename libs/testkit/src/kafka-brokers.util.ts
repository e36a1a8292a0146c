import { TestInfraMissingError } from './testkit.errors';

/** Broker addresses from KAFKA_BROKERS (comma-separated host:port). */
export function kafkaBrokers(): string[] {
  const brokers = (process.env.KAFKA_BROKERS ?? '')
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
  if (brokers.length === 0) {
    throw new TestInfraMissingError(
      'KAFKA_BROKERS',
      'integration tests get it from the Jest globalSetup (test/infra/global-setup.ts); ' +
        'outside Jest run `bash infra/kafka/start.sh` and export the KAFKA_BROKERS it prints',
    );
  }
  return brokers;
}
