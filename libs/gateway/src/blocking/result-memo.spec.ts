import { ResultMemo } from './result-memo';

const result = (index: number, body: string) => ({ index, body });

describe('ResultMemo', () => {
  it('returns what was kept under a key', () => {
    const memo = new ResultMemo(100);
    memo.set('GET /v1/jobs@7', result(7, 'abc'), 3);
    expect(memo.get('GET /v1/jobs@7')).toEqual(result(7, 'abc'));
    expect(memo.get('GET /v1/jobs@8')).toBeUndefined();
  });

  it('drops the least recently used entries beyond its size', () => {
    const memo = new ResultMemo(10);
    memo.set('a', result(1, 'a'), 4);
    memo.set('b', result(1, 'b'), 4);
    memo.get('a'); // a is now the most recent
    memo.set('c', result(1, 'c'), 4);
    expect(memo.get('b')).toBeUndefined();
    expect(memo.get('a')?.body).toBe('a');
    expect(memo.get('c')?.body).toBe('c');
    expect(memo.bytes).toBe(8);
  });

  it('never keeps a result larger than itself, and replaces a key in place', () => {
    const memo = new ResultMemo(10);
    memo.set('big', result(1, 'x'), 11);
    expect(memo.get('big')).toBeUndefined();
    memo.set('k', result(1, 'old'), 6);
    memo.set('k', result(2, 'new'), 6);
    expect(memo.get('k')).toEqual(result(2, 'new'));
    expect(memo.bytes).toBe(6);
  });
});
