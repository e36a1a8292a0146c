import { compileGoRegexp } from './go-regexp';

describe('compileGoRegexp: RE2 syntax in JavaScript', () => {
  it.each([
    ['^web-[0-9]+$', 'web-12', true],
    ['^web-[0-9]+$', 'web-12\n', false],
    ['(?i)^WEB', 'web', true],
    ['(?s)a.b', 'a\nb', true],
    ['a.b', 'a\nb', false],
    ['(?m)^b$', 'a\nb', true],
    ['\\Aab\\z', 'ab', true],
    ['\\Aab\\z', 'xab', false],
    ['a\\-b\\.c', 'a-b.c', true],
    ['a\\.c', 'abc', false],
    ['[[:digit:]]{2}', 'x42', true],
    ['[[:upper:][:digit:]]+$', 'AB12', true],
    ['[]a]', ']', true],
    ['\\pL+', 'é', true],
    ['\\p{Greek}', 'λ', true],
    ['\\PL', 'abc', false],
    ['(?P<n>x)y', 'xy', true],
    ['\\x41\\x{42}', 'AB', true],
    ['\\101', 'A', true],
    ['\\Q.*\\E', '.*', true],
    ['\\Q.*\\E', 'ab', false],
    ['a{', 'a{', true],
    ['{x}', '{x}', true],
    ['a{2}', 'aa', true],
    ['\\s', '\u00a0', false], // RE2's \s is ASCII only
    ['\\s', '\t', true],
    ['\\d', '٣', false],
  ])('%s on %j → %s', (pattern, input, expected) => {
    expect(compileGoRegexp(pattern).test(input)).toBe(expected);
  });

  it.each([
    ['(', 'error parsing regexp: missing closing ): `(`'],
    ['a)', 'error parsing regexp: unexpected ): `a)`'],
    ['[a', 'error parsing regexp: missing closing ]: `[a`'],
    ['*', 'error parsing regexp: missing argument to repetition operator: `*`'],
    ['a\\1', 'error parsing regexp: invalid escape sequence: `\\1`'],
    ['\\e', 'error parsing regexp: invalid escape sequence: `\\e`'],
    ['(?=a)', 'error parsing regexp: invalid or unsupported Perl syntax: `(?=`'],
    ['a{1001}', 'error parsing regexp: invalid repeat count: `{1001}`'],
  ])('%s is rejected: %s', (pattern, message) => {
    expect(() => compileGoRegexp(pattern)).toThrow(message);
  });
});
