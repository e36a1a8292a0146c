export type { Expression, Filter, MatchExpression, MatchOperator, Selector } from './filter.ast';
export {
  FilterError,
  FilterEvaluationError,
  FilterParseError,
  FILTER_EVALUATION_PREFIX,
  FILTER_PARSE_PREFIX,
} from './filter.errors';
export { parseFilter } from './filter.parse';
export { matchesFilter } from './filter.evaluate';
