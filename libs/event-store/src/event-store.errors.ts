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

export class IndexWaitTimeoutError extends Error {
  readonly code = 'INDEX_WAIT_TIMEOUT';
  constructor(readonly positions: number[]) {
    super(`committed events at positions ${positions.join(',')} were not indexed in time`);
  }
}
