// Nomad's list pagination (nomad/state/paginator): walk items in index order, skip those
// before `next_token`, apply the filter, and stop at the first item that would overflow the
// page. That item is not returned; its token becomes X-Nomad-NextToken.

import { matchesFilter, type Filter } from '@caravan/filter';
import { compareGoStrings } from './go-string-order';

export interface PaginateOptions<T> {
  /** `per_page`: 0 or absent means unlimited. Negative values behave as in Nomad (empty page). */
  perPage?: number;
  /** `next_token`: empty or absent starts at the beginning. */
  nextToken?: string;
  /** The item's pagination token, e.g. jobPaginationToken for jobs. */
  tokenOf: (item: T) => string;
  /** `reverse=true`: items arrive in descending order, so tokens are skipped while above the target. */
  reverse?: boolean;
  /** `filter`, evaluated lazily in Nomad's order (so errors on later items do not surface). */
  filter?: Filter;
  /** A further selector applied after the filter, e.g. the namespaces the ACL token may list. */
  accept?: (item: T) => boolean;
}

export interface Page<T> {
  page: T[];
  /** The token of the first item past this page; '' when there is none (send no header). */
  nextToken: string;
}

/** Throws FilterEvaluationError (400) when the filter cannot be evaluated against an item. */
export function paginate<T>(items: Iterable<T>, options: PaginateOptions<T>): Page<T> {
  const { perPage = 0, nextToken = '', tokenOf, reverse = false, filter, accept } = options;
  const page: T[] = [];
  let tokenFound = nextToken === '';
  let count = 0;
  for (const item of items) {
    const token = tokenOf(item);
    const cmp = compareGoStrings(token, nextToken);
    const beforeTarget = reverse ? cmp > 0 : cmp < 0;
    if (!tokenFound && beforeTarget) continue;
    if (filter !== undefined && !matchesFilter(filter, item)) continue;
    if (accept !== undefined && !accept(item)) continue;
    tokenFound = true;
    count++;
    if (perPage !== 0 && count > perPage) return { page, nextToken: token };
    page.push(item);
  }
  return { page, nextToken: '' };
}

/** Jobs page by `<namespace>.<job ID>` ('.' cannot occur in a namespace name). */
export function jobPaginationToken(job: { Namespace: string; ID: string }): string {
  return `${job.Namespace}.${job.ID}`;
}
