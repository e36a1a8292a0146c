import type { Expression, Filter } from './filter.ast';
import { FilterParseError } from './filter.errors';
import { BEXPR_GRAMMAR } from './filter.grammar';
import { runPeg } from './peg/peg-parser';

/**
 * Parses a go-bexpr expression as Nomad's `?filter=` takes it. Throws FilterParseError with
 * Nomad's 400 message. Callers skip filtering for an empty string, as Nomad does.
 */
export function parseFilter(expression: string): Filter {
  const result = runPeg(BEXPR_GRAMMAR, expression);
  if (!result.ok) throw new FilterParseError(result.message);
  return { expression, ast: result.value as Expression };
}
