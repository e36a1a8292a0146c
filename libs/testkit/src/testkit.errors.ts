// Errors carry codes (STYLE.md rule 15). These name the missing setting and how to provide it,
// so a misconfigured test run fails loudly instead of skipping.

export class TestInfraMissingError extends Error {
  readonly code = 'TEST_INFRA_MISSING';
  constructor(
    readonly variable: 'DATABASE_URL' | 'KAFKA_BROKERS',
    hint: string,
  ) {
    super(`${variable} is not set: ${hint}`);
  }
}

export class WaitForTimeoutError extends Error {
  readonly code = 'WAIT_FOR_TIMEOUT';
  constructor(message: string, cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
  }
}
