import { decodeJsonBody } from './json-body.decoder';

function decodeError(text: string): unknown {
  try {
    decodeJsonBody(text);
  } catch (err) {
    return { status: (err as { status?: number }).status, message: (err as Error).message };
  }
  throw new Error(`expected ${JSON.stringify(text)} to fail`);
}

describe('decodeJsonBody (Go json.Decoder semantics)', () => {
  it('leaves an empty body undefined for the handler to judge', () => {
    expect(decodeJsonBody('')).toBeUndefined();
  });

  it('keeps int64 values beyond 2^53 exact', () => {
    expect(decodeJsonBody('{"SubmitTime": 1700000000123456789}')).toEqual({
      SubmitTime: 1700000000123456789n,
    });
  });

  it('reads only the first value and ignores what follows', () => {
    expect(decodeJsonBody('{"a":1} {"b":2}')).toEqual({ a: 1 });
    expect(decodeJsonBody('[1]garbage')).toEqual([1]);
  });

  it('refuses U+0000 (escaped) in any string or key, naming where it is', () => {
    expect(decodeError('{"Job": {"Meta": {"k": "a\\u0000"}}}')).toEqual({
      status: 400,
      message:
        'request body contains the character U+0000 at Job.Meta.k, which Caravan cannot store (PostgreSQL jsonb rejects it)',
    });
    expect(decodeError('{"A": [1, {"\\u0000": 2}]}')).toMatchObject({ status: 400 });
    expect(decodeJsonBody('{"k": "\\\\u0000"}')).toEqual({ k: '\\u0000' });
  });

  it('decodes null to null', () => {
    expect(decodeJsonBody('null')).toBeNull();
  });

  it.each([
    ['   ', 'EOF'],
    ['{"Job": x}', "invalid character 'x' looking for beginning of value"],
    ['{"Job": {', 'unexpected EOF'],
    ['"abc', 'unexpected EOF'],
    ['{"a" 1}', "invalid character '1' after object key"],
    ['[1 2]', "invalid character '2' after array element"],
    ['{a:1}', "invalid character 'a' looking for beginning of object key string"],
  ])('rejects %p with 400 %p', (text, message) => {
    expect(decodeError(text)).toEqual({ status: 400, message });
  });
});
