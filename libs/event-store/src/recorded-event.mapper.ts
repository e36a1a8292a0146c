import { EventMetadata, RecordedEvent } from './event-store.types';

export const EVENT_COLUMNS = `l.log_index, e.global_position, e.event_id, e.stream_id, e.stream_position,
  e.category, e.partition_key, e.type, e.schema_version, e.data, e.metadata, e.recorded_at`;

export function toRecordedEvent(row: Record<string, unknown>): RecordedEvent {
  return {
    id: row.event_id as string,
    streamId: row.stream_id as string,
    category: row.category as string,
    partitionKey: row.partition_key as string,
    streamPosition: row.stream_position as number,
    globalPosition: row.global_position as number,
    logIndex: row.log_index as number,
    type: row.type as string,
    schemaVersion: row.schema_version as number,
    data: row.data,
    metadata: row.metadata as EventMetadata,
    recordedAt: row.recorded_at as Date,
  };
}
