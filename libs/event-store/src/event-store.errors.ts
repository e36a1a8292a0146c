// Errors carry codes (STYLE.md rule 15): the gateway's one exception filter maps them to HTTP.

export class WrongExpectedVersionError extends Error {
  readonly code = 'WRONG_EXPECTED_VERSION';
  constructor(
    readonly streamId: string,
    readonly expected: string,
    readonly actual: number,
  ) {
    super(`stream ${streamId}: expected version ${expected}, actual ${actual}`);
  }
}

export class DuplicateEventError extends Error {
  readonly code = 'DUPLICATE_EVENT';
  constructor(readonly detail: string) {
    super(`event already appended: ${detail}`);
  }
}

/**
 * The stream was last written by a transaction newer than this one. Appending now would list the
 * stream's events out of order in the log; the append must be retried in a new transaction.
 * The group-commit path retries by itself; `transaction()` callers retry their whole work.
 */
export class StreamOrderConflictError extends Error {
  readonly code = 'STREAM_ORDER_CONFLICT';
  constructor(readonly streamId: string) {
    super(`stream ${streamId} was appended by a newer transaction; retry in a new transaction`);
  }
}

/** PostgreSQL refused to store the command's data (for example U+0000 inside jsonb). */
export class InvalidEventPayloadError extends Error {
  readonly code = 'BAD_REQUEST';
  constructor(readonly detail: string) {
    super(`invalid event payload: ${detail}`);
  }
}

/** The bounded append queue is full: the caller should back off and retry. */
export class AppendQueueFullError extends Error {
  readonly code = 'OVERLOADED';
  constructor(readonly limit: number) {
    super(`event store overloaded: ${limit} appends already queued, retry later`);
  }
}

/** Who holds back the log's horizon: the oldest transaction that has an xid. */
export interface HorizonHolder {
  pid: number;
  applicationName: string;
  state: string;
  ageSeconds: number;
  query: string;
}

export class IndexWaitTimeoutError extends Error {
  readonly code = 'INDEX_WAIT_TIMEOUT';
  constructor(
    readonly positions: number[],
    readonly blocker: HorizonHolder | null,
  ) {
    super(
      `committed events at positions ${positions.join(',')} were not indexed in time` +
        (blocker
          ? `; the log horizon is held by backend pid ${blocker.pid} ` +
            `(application "${blocker.applicationName}", ${blocker.state}, transaction open ` +
            `${blocker.ageSeconds.toFixed(1)} s)`
          : ''),
    );
  }
}

/**
 * The connection failed while a group was in flight and the store could not find out whether
 * it committed (PostgreSQL unreachable). The command may or may not be in the log.
 */
export class AppendOutcomeUnknownError extends Error {
  readonly code = 'APPEND_OUTCOME_UNKNOWN';
  constructor(readonly cause: unknown) {
    super(`append outcome unknown: ${String((cause as Error)?.message ?? cause)}`);
  }
}

/** PostgreSQL answered COMMIT with ROLLBACK: an error inside the transaction had aborted it. */
export class TransactionRolledBackError extends Error {
  readonly code = 'TRANSACTION_ROLLED_BACK';
  constructor() {
    super('transaction was rolled back: an earlier statement in it failed');
  }
}

/** The stream stayed locked by another session past the store's lock timeout: retry later. */
export class StreamBusyError extends Error {
  readonly code = 'OVERLOADED';
  constructor(readonly cause: unknown) {
    super(`event store overloaded: a stream stayed locked by another session, retry later`);
  }
}
