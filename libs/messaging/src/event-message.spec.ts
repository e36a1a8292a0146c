import type { RecordedEvent } from '@caravan/event-store';
import { EVENT_HEADERS, fromEventMessage, toEventMessage } from './event-message';
import { MalformedEventMessageError } from './messaging.errors';
import { topicForCategory } from './topic-naming';

const event: RecordedEvent = {
  id: '7d0e2c1a-3b7e-4a53-9a55-0f0e6c7a9b10',
  streamId: 'job-default/web',
  category: 'job',
  partitionKey: 'default/web',
  streamPosition: 3,
  globalPosition: 41,
  logIndex: 40,
  type: 'JobVersionRegistered',
  schemaVersion: 2,
  data: { submitTime: 1732617600123456789n, count: 3 },
  metadata: { actor: 'anonymous', correlationId: 'c-1' },
  recordedAt: new Date('2026-11-26T10:00:00.123Z'),
};

describe('event messages', () => {
  it('given a recorded event, when encoded, then keys by partition key and repeats routing facts in headers', () => {
    const message = toEventMessage(event);
    expect(message.key).toBe('default/web');
    expect(message.headers).toEqual({
      [EVENT_HEADERS.eventId]: event.id,
      [EVENT_HEADERS.eventType]: 'JobVersionRegistered',
      [EVENT_HEADERS.schemaVersion]: '2',
      [EVENT_HEADERS.logIndex]: '40',
      [EVENT_HEADERS.streamId]: 'job-default/web',
    });
    expect(message.value).toContain('1732617600123456789');
  });

  it('given an encoded event, when decoded, then it equals the original, int64 and date included', () => {
    const decoded = fromEventMessage(toEventMessage(event).value, { topic: 't', offset: '0' });
    expect(decoded).toEqual(event);
  });

  it.each([
    [null, 'empty value'],
    ['{not json', 'not JSON'],
    ['{"hello":"world"}', 'not a recorded event'],
  ])('given the value %p, when decoded, then fails with a coded error', (value, detail) => {
    let error: unknown;
    try {
      fromEventMessage(value, { topic: 'caravan.job', offset: '7' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MalformedEventMessageError);
    expect(error).toMatchObject({
      code: 'MALFORMED_EVENT_MESSAGE',
      message: expect.stringMatching(new RegExp(`^caravan\\.job@7: ${detail}`)),
    });
  });

  it('names a category topic with the default or a given prefix', () => {
    expect(topicForCategory('job')).toBe('caravan.job');
    expect(topicForCategory('evaluation', 'test-1.')).toBe('test-1.evaluation');
  });
});
