import { parseJson, stringifyJson } from './json';

describe('bigint-safe JSON', () => {
  it('parses integers beyond 2^53 as bigint and the rest as numbers', () => {
    expect(
      parseJson(
        '{"SubmitTime":1732617600123456789,"Priority":50,"Ratio":0.5,"Neg":-9007199254740993}',
      ),
    ).toEqual({
      SubmitTime: 1732617600123456789n,
      Priority: 50,
      Ratio: 0.5,
      Neg: -9007199254740993n,
    });
  });

  it('keeps 16-digit safe integers, floats and exponents as numbers', () => {
    expect(
      parseJson('[9007199254740991, 12345678901234567.5, 1e21, 1234567890123456789e2]'),
    ).toEqual([
      9007199254740991,
      Number('12345678901234567.5'),
      1e21,
      Number('1234567890123456789e2'),
    ]);
  });

  it('leaves digits inside strings alone, escapes included', () => {
    const text =
      '{"a":"12345678901234567890","b":"quote \\" 99999999999999999999 \\\\","c":99999999999999999999}';
    expect(parseJson(text)).toEqual({
      a: '12345678901234567890',
      b: 'quote " 99999999999999999999 \\',
      c: 99999999999999999999n,
    });
  });

  it('round-trips bigint exactly, nested and at the top level', () => {
    const value = { list: [1n << 62n, { deep: -(1n << 60n) }], plain: 'x', n: 3 };
    expect(parseJson(stringifyJson(value))).toEqual({
      list: [1n << 62n, { deep: -(1n << 60n) }],
      plain: 'x',
      n: 3,
    });
    expect(stringifyJson(12345678901234567890n)).toBe('12345678901234567890');
    expect(stringifyJson({ n: 12345678901234567890n }, 2)).toBe(
      '{\n  "n": 12345678901234567890\n}',
    );
  });

  it('writes undefined as JSON.stringify does', () => {
    expect(stringifyJson(undefined)).toBe('null');
    expect(stringifyJson({ a: undefined, b: 1 })).toBe('{"b":1}');
  });

  it('keeps the last of duplicate keys, as Go does', () => {
    expect(parseJson('{"a":1,"a":2}')).toEqual({ a: 2 });
  });

  it('reports syntax errors with a position', () => {
    expect(() => parseJson('{"a": }')).toThrow(/position 6/);
    expect(() => parseJson('{"a": 1')).toThrow();
  });
});
