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
  /** What the filter is evaluated against; default the item itself. */
  subject?: (item: T) => unknown;
  /** A further selector applied after the filter, e.g. the namespaces the ACL token may list. */
  accept?: (item: T) => boolean;
}

export interface Page<T> {
  page: T[];
  /** The token of the first item past this page; '' when there is none (send no header). */
  nextToken: string;
}

/**
 * Nomad's paginator, fed one item at a time in iteration order, so a caller can stream items
 * (keyset batches from a database) and stop reading as soon as the page is complete.
 * Throws FilterEvaluationError (400) when the filter cannot be evaluated against an item.
 */
export class PageCollector<T> {
  readonly page: T[] = [];
  /** The token of the first item past this page; '' when there is none (send no header). */
  nextToken = '';
  private tokenFound: boolean;
  private count = 0;

  constructor(private readonly options: PaginateOptions<T>) {
    this.tokenFound = (options.nextToken ?? '') === '';
  }

  /** true once an item at or past `nextToken` has passed the filter: skipping is over */
  get started(): boolean {
    return this.tokenFound;
  }

  /** Offers the next item; false when the page is complete and nothing more should be offered. */
  offer(item: T): boolean {
    const { perPage = 0, nextToken = '', tokenOf, reverse = false, filter, accept } = this.options;
    const token = tokenOf(item);
    const cmp = compareGoStrings(token, nextToken);
    const beforeTarget = reverse ? cmp > 0 : cmp < 0;
    if (!this.tokenFound && beforeTarget) return true;
    const subject = this.options.subject ? this.options.subject(item) : item;
    if (filter !== undefined && !matchesFilter(filter, subject)) return true;
    if (accept !== undefined && !accept(item)) return true;
    this.tokenFound = true;
    this.count++;
    if (perPage !== 0 && this.count > perPage) {
      this.nextToken = token;
      return false;
    }
    this.page.push(item);
    return true;
  }
}

/** Throws FilterEvaluationError (400) when the filter cannot be evaluated against an item. */
export function paginate<T>(items: Iterable<T>, options: PaginateOptions<T>): Page<T> {
  const collector = new PageCollector(options);
  for (const item of items) if (!collector.offer(item)) break;
  return { page: collector.page, nextToken: collector.nextToken };
}

/** Jobs page by `<namespace>.<job ID>` ('.' cannot occur in a namespace name). */
export function jobPaginationToken(job: { Namespace: string; ID: string }): string {
  return `${job.Namespace}.${job.ID}`;
}
