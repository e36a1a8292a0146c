import { badRequest } from '../errors/nomad-coded.error';
import {
  blockingWaitMs,
  DEFAULT_QUERY_TIME_MS,
  MAX_QUERY_TIME_MS,
  parseBlockingOptions,
  wantsPretty,
} from './query-options';

describe('parseBlockingOptions', () => {
  it('does not block without an index', () => {
    expect(parseBlockingOptions({})).toEqual({ minIndex: 0, waitMs: undefined });
    expect(parseBlockingOptions({ index: '' })).toEqual({ minIndex: 0, waitMs: undefined });
  });

  it('reads index and wait, taking the first of repeated values', () => {
    expect(parseBlockingOptions({ index: ['12', '99'], wait: '1500ms' })).toEqual({
      minIndex: 12,
      waitMs: 1500,
    });
  });

  it.each(['abc', '-1', '+1', '1.5', ' 1', '18446744073709551616'])(
    'rejects index=%p with "Invalid index"',
    (index) => {
      expect(() => parseBlockingOptions({ index })).toThrow(badRequest('Invalid index'));
    },
  );

  it('accepts the largest uint64', () => {
    expect(parseBlockingOptions({ index: '18446744073709551615' }).minIndex).toBeGreaterThan(
      2 ** 53,
    );
  });

  it.each(['10', 'x', '5 m'])('rejects wait=%p with "Invalid wait time"', (wait) => {
    expect(() => parseBlockingOptions({ wait })).toThrow(badRequest('Invalid wait time'));
  });

  it('reports parse errors as 400s', () => {
    try {
      parseBlockingOptions({ index: 'x' });
      throw new Error('expected a throw');
    } catch (err) {
      expect(err).toMatchObject({ status: 400, message: 'Invalid index' });
    }
  });
});

describe('blockingWaitMs', () => {
  const none = () => 0;
  const almostOne = () => 0.999999;

  it('defaults a missing or non-positive wait to 5 minutes', () => {
    expect(blockingWaitMs(undefined, none)).toBe(DEFAULT_QUERY_TIME_MS);
    expect(blockingWaitMs(0, none)).toBe(DEFAULT_QUERY_TIME_MS);
    expect(blockingWaitMs(-5, none)).toBe(DEFAULT_QUERY_TIME_MS);
  });

  it('caps the wait at 5 minutes', () => {
    expect(blockingWaitMs(600_000, none)).toBe(MAX_QUERY_TIME_MS);
  });

  it('adds jitter in [0, wait/16)', () => {
    expect(blockingWaitMs(16_000, none)).toBe(16_000);
    expect(blockingWaitMs(16_000, almostOne)).toBe(16_999);
    expect(blockingWaitMs(600_000, almostOne)).toBeLessThan(
      MAX_QUERY_TIME_MS + MAX_QUERY_TIME_MS / 16,
    );
    for (let i = 0; i < 1000; i++) {
      const ms = blockingWaitMs(1_600);
      expect(ms).toBeGreaterThanOrEqual(1_600);
      expect(ms).toBeLessThan(1_700);
    }
  });
});

describe('wantsPretty', () => {
  it.each([
    [{}, false],
    [{ pretty: '' }, true],
    [{ pretty: '1' }, true],
    [{ pretty: 'false' }, true],
    [{ pretty: '0' }, false],
    [{ pretty: ['0', '1'] }, false],
  ])('%p → %p', (query, expected) => {
    expect(wantsPretty(query)).toBe(expected);
  });
});
