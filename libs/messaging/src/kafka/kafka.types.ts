// The facade's own vocabulary, so nothing outside libs/messaging depends on kafkajs and the
// client library can be swapped (kafkajs is unmaintained; see infra-notes §4).

export interface KafkaClientOptions {
  /** `host:port` list; use 127.0.0.1 rather than localhost (localhost may resolve to ::1) */
  brokers: string[];
  clientId: string;
  /** kafkajs log verbosity; defaults to `error` */
  logLevel?: 'nothing' | 'error' | 'warn' | 'info' | 'debug';
}

export interface OutgoingMessage {
  topic: string;
  /** records with the same key land on the same partition, in send order */
  key: string;
  value: string;
  headers: Record<string, string>;
}

export interface IncomingMessage {
  topic: string;
  partition: number;
  /** Kafka offsets are int64; kept as the decimal string Kafka clients use */
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

export interface Producer {
  /**
   * Sends the messages as one batch and resolves once every in-sync replica has them
   * (`acks: -1`). Rejects if any part of the batch was not acknowledged.
   */
  send(messages: readonly OutgoingMessage[]): Promise<void>;
  disconnect(): Promise<void>;
}

export type MessageHandler = (message: IncomingMessage) => Promise<void>;

export interface ConsumerGroupOptions {
  /** read a partition from its first offset when the group has no committed offset (default true) */
  fromBeginning?: boolean;
  /** called when the handler or the consumer fails; the consumer retries on its own */
  onError?: (error: unknown) => void;
}

export interface ConsumerGroupHandle {
  /** waits for the message in hand to finish, commits, leaves the group */
  stop(): Promise<void>;
}
