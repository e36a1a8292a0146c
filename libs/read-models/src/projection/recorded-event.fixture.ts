import type { RecordedEvent } from '@caravan/event-store';

/** A RecordedEvent for projection tests: only type, data and log index matter to a projection. */
export function recorded<Data>(
  logIndex: number,
  type: string,
  data: Data,
  streamId = 'test',
): RecordedEvent {
  return {
    id: `00000000-0000-4000-8000-${String(logIndex).padStart(12, '0')}`,
    streamId,
    category: streamId.split('-')[0] ?? 'test',
    partitionKey: streamId,
    streamPosition: logIndex,
    globalPosition: logIndex,
    logIndex,
    type,
    schemaVersion: 1,
    data,
    metadata: {},
    recordedAt: new Date(0),
  };
}
