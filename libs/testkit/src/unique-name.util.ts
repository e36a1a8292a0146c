import { randomBytes } from 'node:crypto';

/**
 * A name no other test (or earlier run against the same broker) uses, e.g. for Kafka topics and
 * consumer groups: `prefix-<time base36>-<8 hex>`. Only [A-Za-z0-9._-], valid as a topic name.
 */
export function uniqueName(prefix: string): string {
  if (!/^[A-Za-z0-9._-]+$/.test(prefix)) {
    throw new Error(`uniqueName: prefix must match [A-Za-z0-9._-]+, got '${prefix}'`);
  }
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}
