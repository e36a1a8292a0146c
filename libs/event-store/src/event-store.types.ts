// The write side's vocabulary. A *stream* is one aggregate's history (a job, an evaluation, a
// node); the *log* is every committed event of every stream in one total order. An event's
// *log index* is its place in that order, gapless from 1, and doubles as Nomad's Raft index.

/** How an append states what it believes the stream's current version is. */
export type ExpectedVersion =
  /** append whatever the stream's version */
  | 'any'
  /** the stream must not exist yet */
  | 'no_stream'
  /** the stream must already exist, at any version */
  | 'stream_exists'
  /** the stream must be at exactly this version (its number of events); 0 means no stream */
  | number;

export interface EventMetadata {
  /** the ACL token accessor (or a system actor name) that caused the event */
  actor?: string;
  correlationId?: string;
  causationId?: string;
  [key: string]: unknown;
}

export interface NewEvent<Type extends string = string, Data = unknown> {
  /** a UUID; the store rejects a second event with the same id */
  id: string;
  type: Type;
  data: Data;
  schemaVersion?: number;
  metadata?: EventMetadata;
}

export interface StreamRef {
  /** the stream's id, unique across categories, e.g. `job-default/example` */
  id: string;
  /** the stream category (`job`, `evaluation`, `allocation`, ...): one Kafka topic each */
  category: string;
  /** what orders consumers: events with the same key are delivered in log order (namespace/job id) */
  partitionKey: string;
}

export interface StreamAppend {
  stream: StreamRef;
  expectedVersion: ExpectedVersion;
  events: NewEvent[];
}

export interface AppendResult {
  /** per stream, in the order given: its version after the append */
  streamVersions: number[];
  /** log index of the first and last event written */
  firstIndex: number;
  lastIndex: number;
}

export interface RecordedEvent<Type extends string = string, Data = unknown> {
  id: string;
  streamId: string;
  category: string;
  partitionKey: string;
  /** 1-based position inside the stream */
  streamPosition: number;
  /** insertion order; unique but NOT commit order, so never a read checkpoint */
  globalPosition: number;
  /** commit order, gapless from 1; the checkpoint every log reader uses */
  logIndex: number;
  type: Type;
  schemaVersion: number;
  data: Data;
  metadata: EventMetadata;
  recordedAt: Date;
}

export interface ReadStreamResult {
  /** 0 when the stream does not exist */
  version: number;
  events: RecordedEvent[];
}
