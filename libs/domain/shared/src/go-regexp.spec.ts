import { compileGoRegexp, GoRegexpError } from './go-regexp';

describe('compileGoRegexp: Go regexp (RE2) semantics', () => {
  it.each([
    ['^web-[0-9]+$', 'web-12', true],
    ['^web-[0-9]+$', 'web-12\n', false], // `$` is end of text without (?m)
    ['(?i)^WEB', 'web', true],
    ['(?i:WE)B', 'weB', true], // scoped flag groups
    ['(?i:WE)B', 'web', false],
    ['(?i)k', '\u212a', true], // Kelvin sign folds to k, as in Go
    ['(?s)a.b', 'a\nb', true],
    ['a.b', 'a\nb', false],
    ['(?m)^b$', 'a\nb', true],
    ['(?U)a+', 'aaa', true], // ungreedy flag exists in RE2
    ['\\Aab\\z', 'xab', false],
    ['[[:digit:]]{2}', 'x42', true],
    ['[]a]', ']', true],
    ['\\pL+', 'é', true],
    ['\\pL', '1', false],
    ['\\p{Greek}', 'λ', true],
    ['\\PL', 'abc', false],
    ['(?P<n>x)y', 'xy', true],
    ['\\x41\\x{42}', 'AB', true],
    ['\\Q.*\\E', 'ab', false],
    ['a{', 'a{', true], // a brace that is no repeat is literal
    ['\\s', '\u00a0', false], // \s and \d are ASCII only
    ['\\d', '٣', false],
    ['😀.', '😀a', true], // code points, not UTF-16 halves
  ])('%s on %j → %s', (pattern, input, expected) => {
    expect(compileGoRegexp(pattern).test(input)).toBe(expected);
  });

  it.each([
    ['(', 'error parsing regexp: missing closing ): `(`'],
    ['a)', 'error parsing regexp: unexpected ): `a)`'],
    ['[a', 'error parsing regexp: missing closing ]: `[a`'],
    ['*', 'error parsing regexp: missing argument to repetition operator: `*`'],
    ['(a)\\1', 'error parsing regexp: invalid escape sequence: `\\1`'], // no backreferences
    ['\\e', 'error parsing regexp: invalid escape sequence: `\\e`'],
    ['(?=a)', 'error parsing regexp: invalid or unsupported Perl syntax: `(?=`'],
    ['(?<=a)b', 'error parsing regexp: invalid named capture: `(?<=a)b`'], // no lookbehind
    ['a{1001}', 'error parsing regexp: invalid repeat count: `{1001}`'],
    ['\\C', 'error parsing regexp: invalid escape sequence: `\\C`'],
  ])('%s is rejected: %s', (pattern, message) => {
    expect(() => compileGoRegexp(pattern)).toThrow(new GoRegexpError(message));
  });
});
