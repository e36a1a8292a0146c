import type { RecordedEvent } from '@caravan/event-store';
import { toEventMessage } from '../event-message';
import type { KafkaClient } from '../kafka/kafka-client';
import type { OutgoingMessage, Producer } from '../kafka/kafka.types';
import { sleep } from '@caravan/async';
import { LogWakeup, backoffMs } from '../log-wakeup';
import type { CheckpointPort, EventLog, LeaderPort } from '../messaging.ports';
import {
  DEFAULT_PARTITIONS,
  DEFAULT_TOPIC_PREFIX,
  EVENT_CATEGORIES,
  topicForCategory,
} from '../topic-naming';

// The forwarder is the only writer to Kafka (STYLE.md rule 10: no dual writes). It publishes the
// log in order, one batch in flight at a time, and moves its checkpoint only after Kafka
// acknowledged the whole batch. A crash between the acknowledgement and the checkpoint resends
// that batch: duplicates, never gaps. Consumers dedupe by event id or log index.

export const FORWARDER_NAME = 'forwarder';

/** Well under Kafka's default 1 MiB message.max.bytes, leaving room for record overhead. */
const MAX_REQUEST_BYTES = 512 * 1024;

function slicesBySize(messages: OutgoingMessage[], maxBytes: number): OutgoingMessage[][] {
  const slices: OutgoingMessage[][] = [];
  let current: OutgoingMessage[] = [];
  let bytes = 0;
  for (const message of messages) {
    const size = Buffer.byteLength(message.value) + Buffer.byteLength(message.key);
    if (current.length > 0 && bytes + size > maxBytes) {
      slices.push(current);
      current = [];
      bytes = 0;
    }
    current.push(message);
    bytes += size;
  }
  if (current.length > 0) slices.push(current);
  return slices;
}

export interface ForwarderOptions {
  /** events read from the log and sent to Kafka per batch (default 256) */
  batchSize?: number;
  /** safety-net poll when no log notification arrives (default 5000 ms) */
  pollIntervalMs?: number;
  topicPrefix?: string;
  /** partitions of each topic the forwarder creates (default DEFAULT_PARTITIONS) */
  partitions?: number;
  /** categories whose topics are created at start; others are created on first sight */
  categories?: readonly string[];
  /** checkpoint name (default `forwarder`) */
  checkpointName?: string;
  onError?: (error: unknown) => void;
}

export interface ForwarderDeps {
  log: EventLog;
  checkpoints: CheckpointPort;
  /** leadership named `forwarder`: one forwarder publishes at a time */
  leader: LeaderPort;
  kafka: KafkaClient;
}

export class Forwarder {
  private readonly batchSize: number;
  private readonly pollIntervalMs: number;
  private readonly topicPrefix: string;
  private readonly partitions: number;
  private readonly checkpointName: string;
  private readonly knownTopics = new Set<string>();
  private started = false;
  // Our own stop switch besides the lease's signal: a stop() that races with winning the lease
  // must still end the duty (LeaderElection cannot abort a duty that had not started yet).
  private readonly stopping = new AbortController();

  constructor(
    private readonly deps: ForwarderDeps,
    private readonly options: ForwarderOptions = {},
  ) {
    this.batchSize = options.batchSize ?? 256;
    this.pollIntervalMs = options.pollIntervalMs ?? 5000;
    this.topicPrefix = options.topicPrefix ?? DEFAULT_TOPIC_PREFIX;
    this.partitions = options.partitions ?? DEFAULT_PARTITIONS;
    this.checkpointName = options.checkpointName ?? FORWARDER_NAME;
  }

  /** Creates the category topics, then campaigns for leadership and forwards while leader. */
  async start(): Promise<void> {
    if (this.started) return;
    this.started = true;
    const categories = this.options.categories ?? EVENT_CATEGORIES;
    await this.ensureTopics(
      categories.map((category) => topicForCategory(category, this.topicPrefix)),
    );
    this.deps.leader.start((lease) =>
      this.forwardWhileLeader(AbortSignal.any([lease, this.stopping.signal])),
    );
  }

  /** Stops after the batch in flight (its checkpoint is saved if Kafka acknowledged it). */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.deps.leader.stop();
  }

  private async forwardWhileLeader(signal: AbortSignal): Promise<void> {
    const wakeup = new LogWakeup(this.deps.log);
    let producer: Producer | undefined;
    let failures = 0;
    try {
      while (!signal.aborted) {
        try {
          producer ??= await this.deps.kafka.producer();
          const forwarded = await this.forwardOneBatch(producer);
          failures = 0;
          if (forwarded === 0) await wakeup.wait(this.pollIntervalMs, signal);
        } catch (error) {
          this.options.onError?.(error);
          failures += 1;
          await producer?.disconnect().catch(() => undefined);
          producer = undefined;
          await sleep(backoffMs(failures), signal);
        }
      }
    } finally {
      wakeup.close();
      await producer?.disconnect().catch(() => undefined);
    }
  }

  /** One read-publish-checkpoint step; returns how many events it forwarded. */
  private async forwardOneBatch(producer: Producer): Promise<number> {
    // Loaded every time rather than cached: after a leadership change another forwarder may have
    // moved it, and re-reading costs one indexed lookup per batch.
    const checkpoint = await this.deps.checkpoints.load(this.checkpointName);
    const events = await this.deps.log.readLog(checkpoint, this.batchSize);
    const last = events[events.length - 1];
    if (last === undefined) return 0;
    const messages = events.map((event) => this.toOutgoing(event));
    await this.ensureTopics(messages.map((message) => message.topic));
    // Kafka refuses a produce request whose batch for one partition exceeds the broker's
    // message.max.bytes (1 MiB by default), so large batches go out in size-bounded slices, in
    // order; the checkpoint still moves only after the last slice is acknowledged.
    for (const slice of slicesBySize(messages, MAX_REQUEST_BYTES)) await producer.send(slice);
    await this.deps.checkpoints.save(this.checkpointName, last.logIndex);
    return events.length;
  }

  private toOutgoing(event: RecordedEvent): OutgoingMessage {
    return { topic: topicForCategory(event.category, this.topicPrefix), ...toEventMessage(event) };
  }

  private async ensureTopics(topics: readonly string[]): Promise<void> {
    const missing = [...new Set(topics)].filter((topic) => !this.knownTopics.has(topic));
    if (missing.length === 0) return;
    await this.deps.kafka.ensureTopics(missing, this.partitions);
    for (const topic of missing) this.knownTopics.add(topic);
  }
}
