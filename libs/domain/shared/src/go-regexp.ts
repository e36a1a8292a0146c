import { RE2JS, RE2JSSyntaxException } from 're2js';

// Nomad compiles `regexp` constraint operands and go-bexpr `matches` patterns with Go's
// regexp package, which is RE2: no backreferences or lookaround, linear-time matching, ASCII
// `\s` and `\d`, `$` only at the very end unless `(?m)`. re2js is a port of the same engine,
// so patterns mean and fail exactly as in Nomad, with Go's error texts.

export class GoRegexpError extends Error {}

/** A compiled pattern; `test` searches anywhere in the input, like Go's MatchString. */
export interface GoRegexp {
  test(input: string): boolean;
}

/** Throws GoRegexpError with Go's `error parsing regexp: <code>: `<expr>`` message. */
export function compileGoRegexp(pattern: string): GoRegexp {
  try {
    return RE2JS.compile(pattern);
  } catch (err) {
    if (err instanceof RE2JSSyntaxException) throw new GoRegexpError(err.message);
    throw err;
  }
}
