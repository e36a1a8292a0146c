import { FilterEvaluationError, parseFilter } from '@caravan/filter';
import { compareGoStrings } from './go-string-order';
import { jobPaginationToken, paginate } from './paginate';

interface Job {
  Namespace: string;
  ID: string;
  Status: string;
}
const job = (Namespace: string, ID: string, Status = 'running'): Job => ({ Namespace, ID, Status });

// Ascending by (Namespace, ID), as Nomad's jobs table iterates.
const jobs = [
  job('default', 'a'),
  job('default', 'b', 'dead'),
  job('default', 'c'),
  job('prod', 'a', 'dead'),
  job('prod', 'b'),
];
const ids = (page: Job[]): string[] => page.map(jobPaginationToken);
const tokenOf = jobPaginationToken;

describe('paginate (Nomad paginator semantics)', () => {
  it.each([
    [{}, ['default.a', 'default.b', 'default.c', 'prod.a', 'prod.b'], ''],
    [{ perPage: 0 }, ['default.a', 'default.b', 'default.c', 'prod.a', 'prod.b'], ''],
    [{ perPage: 2 }, ['default.a', 'default.b'], 'default.c'],
    [{ perPage: 2, nextToken: 'default.c' }, ['default.c', 'prod.a'], 'prod.b'],
    [{ perPage: 2, nextToken: 'prod.b' }, ['prod.b'], ''],
    [{ perPage: 5 }, ['default.a', 'default.b', 'default.c', 'prod.a', 'prod.b'], ''],
    [{ perPage: 4 }, ['default.a', 'default.b', 'default.c', 'prod.a'], 'prod.b'],
    // A token need not name an existing item: paging resumes at the first one after it.
    [{ perPage: 2, nextToken: 'default.bb' }, ['default.c', 'prod.a'], 'prod.b'],
    [{ nextToken: 'zzz' }, [], ''],
    // Negative per_page: Nomad's check `count > perPage` ends the page before the first item.
    [{ perPage: -1 }, [], 'default.a'],
  ])('%j', (options, page, nextToken) => {
    const result = paginate(jobs, { tokenOf, ...options });
    expect(ids(result.page)).toEqual(page);
    expect(result.nextToken).toBe(nextToken);
  });

  it('walks all pages without gaps or repeats', () => {
    const seen: string[] = [];
    let nextToken = '';
    let pages = 0;
    do {
      const result = paginate(jobs, { tokenOf, perPage: 2, nextToken });
      seen.push(...ids(result.page));
      nextToken = result.nextToken;
      pages++;
    } while (nextToken !== '' && pages < 10);
    expect(seen).toEqual(jobs.map(tokenOf));
    expect(pages).toBe(3);
  });

  it('filters before counting the page, and the next token is the next passing item', () => {
    const filter = parseFilter('Status == running');
    const first = paginate(jobs, { tokenOf, perPage: 2, filter });
    expect(ids(first.page)).toEqual(['default.a', 'default.c']);
    expect(first.nextToken).toBe('prod.b');
    const second = paginate(jobs, { tokenOf, perPage: 2, filter, nextToken: first.nextToken });
    expect(ids(second.page)).toEqual(['prod.b']);
    expect(second.nextToken).toBe('');
  });

  it('applies `accept` (e.g. ACL namespaces) after the filter', () => {
    const result = paginate(jobs, { tokenOf, perPage: 1, accept: (j) => j.Namespace === 'prod' });
    expect(ids(result.page)).toEqual(['prod.a']);
    expect(result.nextToken).toBe('prod.b');
  });

  it('with reverse=true, skips tokens above the target in descending input', () => {
    const descending = [...jobs].reverse();
    const result = paginate(descending, {
      tokenOf,
      perPage: 2,
      reverse: true,
      nextToken: 'default.c',
    });
    expect(ids(result.page)).toEqual(['default.c', 'default.b']);
    expect(result.nextToken).toBe('default.a');
  });

  it('stops evaluating the filter at the first item past the page, as Nomad does', () => {
    const items: Partial<Job>[] = [
      { Namespace: 'default', ID: 'a', Status: 'running' },
      { Namespace: 'default', ID: 'b', Status: 'running' },
      { Namespace: 'default', ID: 'c' }, // no Status: evaluating it is an error
    ];
    const tokenOf = (j: Partial<Job>): string => `${j.Namespace}.${j.ID}`;
    const filter = parseFilter('Status == running');
    const result = paginate(items, { tokenOf, perPage: 1, filter });
    expect(result.page.map(tokenOf)).toEqual(['default.a']);
    expect(result.nextToken).toBe('default.b');
    expect(() => paginate(items, { tokenOf, perPage: 2, filter })).toThrow(FilterEvaluationError);
    expect(() => paginate(items, { tokenOf, perPage: 2, filter })).toThrow(
      'failed to read result page: error finding value in datum: /Status at part 0: couldn\'t find key: struct field with name "Status"',
    );
  });

  it('accepts any iterable', () => {
    function* gen(): Generator<Job> {
      yield* jobs;
    }
    expect(ids(paginate(gen(), { tokenOf, perPage: 1 }).page)).toEqual(['default.a']);
  });
});

describe('compareGoStrings (UTF-8 byte order)', () => {
  it.each([
    ['a', 'b', -1],
    ['b', 'a', 1],
    ['a', 'a', 0],
    ['a', 'ab', -1],
    ['default.b', 'default-x.a', 1],
    ['\uffff', '😀', -1], // UTF-16 code units would say the opposite
    ['😀', '\ue000', 1],
  ])('%j vs %j → %d', (a, b, expected) => {
    expect(compareGoStrings(a, b)).toBe(expected);
  });
});
