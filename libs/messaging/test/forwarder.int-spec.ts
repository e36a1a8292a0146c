import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { waitFor } from '@caravan/testkit';
import { EVENT_HEADERS } from '../src/event-message';
import { Forwarder, FORWARDER_NAME } from '../src/forwarder/forwarder';
import { topicForCategory } from '../src/topic-naming';
import { observeTopics, type KafkaObserver } from './kafka-observer';
import {
  STREAMS,
  appendInterleaved,
  indexesByCategoryAndKey,
  isStrictlyIncreasing,
  openFixture,
  type MessagingFixture,
} from './messaging.fixture';

jest.setTimeout(90_000);

const CATEGORIES = ['job', 'evaluation', 'node'];
const range = (from: number, to: number) =>
  Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('Forwarder (log → Kafka)', () => {
  let fx: MessagingFixture;
  let observer: KafkaObserver | undefined;
  let forwarder: Forwarder | undefined;
  let child: ChildProcess | undefined;

  beforeEach(async () => {
    fx = await openFixture();
  });

  afterEach(async () => {
    child?.kill('SIGKILL');
    await forwarder?.stop();
    await observer?.stop();
    await fx.close();
    [observer, forwarder, child] = [undefined, undefined, undefined];
  });

  function inProcessForwarder(options: { batchSize: number; pollIntervalMs?: number }): Forwarder {
    const { store, ports, kafka, topicPrefix } = fx;
    return new Forwarder(
      {
        log: store,
        checkpoints: ports.checkpoints,
        leader: ports.leaderFor(FORWARDER_NAME),
        kafka,
      },
      { topicPrefix, partitions: 3, ...options },
    );
  }

  it('publishes every event to its category topic, keyed and with headers, in log order per key', async () => {
    const before = await appendInterleaved(fx.store, STREAMS, 6);
    // A 60 s poll: events appended later can only arrive in time through the log notification.
    forwarder = inProcessForwarder({ batchSize: 7, pollIntervalMs: 60_000 });
    await forwarder.start();
    observer = await observeTopics(fx.kafka, fx.topicPrefix, CATEGORIES);
    await waitFor(() => observer!.messages.length >= before.length, {
      timeoutMs: 30_000,
      message: 'first events',
    });

    const log = await appendInterleaved(fx.store, STREAMS, 2);
    await waitFor(() => observer!.messages.length >= log.length, {
      timeoutMs: 10_000,
      message: 'woken by notify',
    });

    const received = observer.events();
    expect(received.map((e) => e.logIndex).sort((a, b) => a - b)).toEqual(range(1, log.length));
    expect([...received].sort((a, b) => a.logIndex - b.logIndex)).toEqual(log);
    for (const [category, indexes] of indexesByCategoryAndKey(received)) {
      expect({ category, ordered: isStrictlyIncreasing(indexes) }).toEqual({
        category,
        ordered: true,
      });
    }
    for (const message of observer.messages) {
      const event = log[Number(message.headers[EVENT_HEADERS.logIndex]) - 1]!;
      expect(message).toMatchObject({
        topic: topicForCategory(event.category, fx.topicPrefix),
        key: event.partitionKey,
        headers: {
          'event-id': event.id,
          'event-type': event.type,
          'schema-version': String(event.schemaVersion),
          'log-index': String(event.logIndex),
          'stream-id': event.streamId,
        },
      });
    }
    await waitFor(async () => (await fx.ports.checkpoints.load(FORWARDER_NAME)) === log.length, {
      message: 'checkpoint at the head',
    });
  });

  it('resends the batch Kafka acknowledged when killed before its checkpoint, and loses nothing', async () => {
    const log = await appendInterleaved(fx.store, STREAMS, 11);
    child = startChild({ BATCH_SIZE: '10', CRASH_ON_SAVE: '3' });
    expect(await exitOf(child)).toEqual({ code: null, signal: 'SIGKILL' });
    // Batches 1-2 were checkpointed; batch 3 (21..30) reached Kafka but not the checkpoint.
    expect(await fx.ports.checkpoints.load(FORWARDER_NAME)).toBe(20);

    observer = await observeTopics(fx.kafka, fx.topicPrefix, CATEGORIES);
    await waitFor(() => observer!.distinctIndexes().size >= 30, {
      timeoutMs: 30_000,
      message: 'what the child sent',
    });
    // The child's producer may itself have duplicated a record on a retry (at-least-once);
    // what is checked below is what the restarted forwarder sends.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const sentByChild = observer.messages.length;
    forwarder = inProcessForwarder({ batchSize: 10 });
    await forwarder.start();
    await waitFor(() => observer!.distinctIndexes().size === log.length, { timeoutMs: 30_000 });

    const indexes = observer.events().map((e) => e.logIndex);
    expect([...new Set(indexes)].sort((a, b) => a - b)).toEqual(range(1, log.length));
    const afterRestart = indexes.slice(sentByChild);
    expect(afterRestart).toEqual(expect.arrayContaining(range(21, 30)));
    expect(afterRestart.every((index) => index > 20)).toBe(true);
  });

  it('loses nothing when SIGKILLed at an arbitrary moment and restarted', async () => {
    const first = await appendInterleaved(fx.store, STREAMS, 16);
    observer = await observeTopics(fx.kafka, fx.topicPrefix, CATEGORIES);
    child = startChild({ BATCH_SIZE: '5', SAVE_DELAY_MS: '40' });
    const exited = exitOf(child);
    await waitFor(() => observer!.messages.length >= 40, {
      timeoutMs: 30_000,
      message: 'child forwarding',
    });
    child.kill('SIGKILL');
    expect(await exited).toEqual({ code: null, signal: 'SIGKILL' });
    expect(await fx.ports.checkpoints.load(FORWARDER_NAME)).toBeLessThan(first.length);

    const log = await appendInterleaved(fx.store, STREAMS, 3);
    forwarder = inProcessForwarder({ batchSize: 5 });
    await forwarder.start();
    await waitFor(() => observer!.distinctIndexes().size === log.length, { timeoutMs: 30_000 });
    // Deduped by log index, the consumer holds exactly the log.
    expect([...observer.distinctIndexes()].sort((a, b) => a - b)).toEqual(range(1, log.length));
    // Per key, the first delivery of each index is in log order even across the restart.
    const firstSeen = observer
      .events()
      .filter((e, i, all) => all.findIndex((x) => x.logIndex === e.logIndex) === i);
    for (const indexes of indexesByCategoryAndKey(firstSeen).values()) {
      expect(isStrictlyIncreasing(indexes)).toBe(true);
    }
  });

  function startChild(env: Record<string, string>): ChildProcess {
    const script = join(__dirname, 'forwarder.child.ts');
    return spawn(process.execPath, ['-r', '@swc-node/register', script], {
      cwd: join(__dirname, '../../..'),
      env: { ...process.env, DATABASE_URL: fx.db.url, TOPIC_PREFIX: fx.topicPrefix, ...env },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  }
});

function exitOf(
  child: ChildProcess,
): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) {
      resolve({ code: child.exitCode, signal: child.signalCode });
      return;
    }
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
}
