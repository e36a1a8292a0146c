import type { RecordedEvent } from '@caravan/event-store';
import { parseJson, stringifyJson } from '@caravan/json';
import { MalformedEventMessageError } from './messaging.errors';

// How a recorded event travels on Kafka. The value is the whole recorded event as JSON (bigint
// safe); the headers repeat what a consumer may need before parsing the value (routing, dedupe).

export const EVENT_HEADERS = {
  eventId: 'event-id',
  eventType: 'event-type',
  schemaVersion: 'schema-version',
  logIndex: 'log-index',
  streamId: 'stream-id',
} as const;

export interface EventMessage {
  key: string;
  value: string;
  headers: Record<string, string>;
}

export function toEventMessage(event: RecordedEvent): EventMessage {
  return {
    key: event.partitionKey,
    value: stringifyJson({ ...event, recordedAt: event.recordedAt.toISOString() }),
    headers: {
      [EVENT_HEADERS.eventId]: event.id,
      [EVENT_HEADERS.eventType]: event.type,
      [EVENT_HEADERS.schemaVersion]: String(event.schemaVersion),
      [EVENT_HEADERS.logIndex]: String(event.logIndex),
      [EVENT_HEADERS.streamId]: event.streamId,
    },
  };
}

type WireEvent = Omit<RecordedEvent, 'recordedAt'> & { recordedAt: string };

/** The recorded event back from a record's value; `where` names the record in errors. */
export function fromEventMessage(
  value: string | null,
  where: { topic: string; offset: string },
): RecordedEvent {
  if (value === null)
    throw new MalformedEventMessageError(where.topic, where.offset, 'empty value');
  let wire: WireEvent;
  try {
    wire = parseJson<WireEvent>(value);
  } catch (error) {
    throw new MalformedEventMessageError(where.topic, where.offset, `not JSON: ${String(error)}`);
  }
  if (
    typeof wire !== 'object' ||
    wire === null ||
    typeof wire.id !== 'string' ||
    !Number.isInteger(wire.logIndex)
  ) {
    throw new MalformedEventMessageError(where.topic, where.offset, 'not a recorded event');
  }
  return { ...wire, recordedAt: new Date(wire.recordedAt) };
}
