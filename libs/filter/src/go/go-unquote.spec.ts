import { goQuote } from './go-quote';
import { goUnquote } from './go-unquote';

describe('goUnquote (strconv.Unquote)', () => {
  it.each([
    ['"plain"', 'plain'],
    ['""', ''],
    ['"a\\tb\\nc"', 'a\tb\nc'],
    ['"\\\\"', '\\'],
    ['"\\x41\\101"', 'AA'],
    ['"\\u00e9\\U0001F600"', 'é😀'],
    ['"\\xc3\\xa9"', 'é'],
    ['"\\a\\b\\f\\v\\r"', '\u0007\b\f\v\r'],
    ['"é"', 'é'],
    ['`raw \\n`', 'raw \\n'],
    ['`a\r\nb`', 'a\nb'],
  ])('%s → %j', (quoted, value) => expect(goUnquote(quoted)).toBe(value));

  it.each(['"\\q"', '"\\\'"', '"a\nb"', '"\\x4"', '"\\ud800"', '"\\400"', '"\\1"', '"abc', 'x'])(
    '%j is invalid syntax',
    (quoted) => expect(() => goUnquote(quoted)).toThrow('invalid syntax'),
  );
});

describe('goQuote (strconv.Quote)', () => {
  it.each([
    ['abc', '"abc"'],
    ['a"b\\c', '"a\\"b\\\\c"'],
    ['tab\there\n', '"tab\\there\\n"'],
    ['\u0001\u007f', '"\\x01\\x7f"'],
    ['é 😀', '"é 😀"'],
    ['\u00a0\u200b', '"\\u00a0\\u200b"'],
  ])('%j → %s', (s, quoted) => expect(goQuote(s)).toBe(quoted));
});
