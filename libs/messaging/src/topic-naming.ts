// Topic per stream category (DESIGN.md, "From a write to a read" step 4). The prefix is a
// setting so tests, and several Caravan clusters sharing one Kafka, stay apart.

export const DEFAULT_TOPIC_PREFIX = 'caravan.';

/** Partitions per topic Caravan creates: the most consumers of one group that can share a topic. */
export const DEFAULT_PARTITIONS = 12;

/** The stream categories the event store holds today; their topics are created at start. */
export const EVENT_CATEGORIES = [
  'job',
  'evaluation',
  'allocation',
  'deployment',
  'node',
  'acl',
] as const;

/** The one place a category becomes a topic name: `job` → `caravan.job`. */
export function topicForCategory(category: string, prefix: string = DEFAULT_TOPIC_PREFIX): string {
  return `${prefix}${category}`;
}
