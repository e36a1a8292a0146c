// Errors carry codes (STYLE.md rule 15).

export class InvalidMessagingConfigError extends Error {
  readonly code = 'INVALID_MESSAGING_CONFIG';
  constructor(
    readonly variable: string,
    detail: string,
  ) {
    super(`${variable}: ${detail}`);
  }
}

/** A Kafka record that is not an event the forwarder wrote (wrong topic, corrupt value). */
export class MalformedEventMessageError extends Error {
  readonly code = 'MALFORMED_EVENT_MESSAGE';
  constructor(
    readonly topic: string,
    readonly offset: string,
    detail: string,
  ) {
    super(`${topic}@${offset}: ${detail}`);
  }
}

/**
 * Wraps whatever a subscription handler threw. Kafka consumers retry plain errors but give up on
 * ones marked `retriable: false`; wrapping keeps the consumer retrying (the event is redelivered)
 * whatever the handler's error looks like.
 */
export class SubscriptionHandlerError extends Error {
  readonly code = 'SUBSCRIPTION_HANDLER_FAILED';
  constructor(
    readonly subscription: string,
    readonly logIndex: number,
    readonly reason: unknown,
  ) {
    super(
      `subscription ${subscription}: handler failed on log index ${logIndex}: ${String(reason)}`,
    );
  }
}
