// Helpers for integration and e2e tests against the real PostgreSQL and Kafka that the Jest
// globalSetup (test/infra/global-setup.ts) provides through DATABASE_URL and KAFKA_BROKERS.
export { createTestDatabase, type TestDatabase } from './test-database.fixture';
export { uniqueName } from './unique-name.util';
export { kafkaBrokers } from './kafka-brokers.util';
export { waitFor, type WaitForOptions } from './wait-for.util';
export { freePort } from './free-port.util';
export { TestInfraMissingError, WaitForTimeoutError } from './testkit.errors';
