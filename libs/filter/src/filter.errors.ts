// Errors carry codes (STYLE.md rule 15). Nomad answers both with HTTP 400 and the message as
// the body (an `RPC Error:: 400,...` coded error from the list endpoints), so both use the
// gateway's BAD_REQUEST code and carry Nomad's full message; `detail` is go-bexpr's own text.

/** What Nomad puts before a go-bexpr parse error (paginator.NewPaginator + the endpoint). */
export const FILTER_PARSE_PREFIX =
  'failed to create result paginator: failed to read filter expression: ';
/** What Nomad puts before an error from evaluating the filter against an item. */
export const FILTER_EVALUATION_PREFIX = 'failed to read result page: ';

export abstract class FilterError extends Error {
  readonly code = 'BAD_REQUEST';
  protected constructor(
    prefix: string,
    readonly detail: string,
  ) {
    super(`${prefix}${detail}`);
  }
}

/** The expression does not parse; `detail` is e.g. `1:9 (8): rule "number": Invalid number literal`. */
export class FilterParseError extends FilterError {
  constructor(detail: string) {
    super(FILTER_PARSE_PREFIX, detail);
    this.name = 'FilterParseError';
  }
}

/** The expression cannot be evaluated against an item, e.g. `error finding value in datum: ...`. */
export class FilterEvaluationError extends FilterError {
  constructor(detail: string) {
    super(FILTER_EVALUATION_PREFIX, detail);
    this.name = 'FilterEvaluationError';
  }
}
