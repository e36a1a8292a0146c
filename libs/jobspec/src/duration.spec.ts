import { int64Value, parseGoDuration } from './duration';

describe('parseGoDuration (Go time.ParseDuration)', () => {
  it.each([
    ['30s', 30_000_000_000n],
    ['1h30m', 5_400_000_000_000n],
    ['1.5h', 5_400_000_000_000n],
    ['250ms', 250_000_000n],
    ['10us', 10_000n],
    ['10µs', 10_000n],
    ['7ns', 7n],
    ['0', 0n],
    ['-2m', -120_000_000_000n],
    ['+1s', 1_000_000_000n],
    ['.5s', 500_000_000n],
    ['2562047h47m16.854775807s', 9_223_372_036_854_775_807n],
  ])('%s → %s ns', (input, expected) => {
    expect(parseGoDuration(input)).toBe(expected);
  });

  it.each([
    ['', 'time: invalid duration ""'],
    ['abc', 'time: invalid duration "abc"'],
    ['10', 'time: missing unit in duration "10"'],
    ['3d', 'time: unknown unit "d" in duration "3d"'],
    ['2562047h47m16.854775808s', 'time: invalid duration "2562047h47m16.854775808s"'],
  ])('rejects %p with Go text', (input, message) => {
    expect(() => parseGoDuration(input)).toThrow(message);
  });

  it('keeps safe integers as numbers and larger values as exact bigints', () => {
    expect(int64Value(30_000_000_000n)).toBe(30_000_000_000);
    expect(int64Value(9_223_372_036_854_775_807n)).toBe(9_223_372_036_854_775_807n);
    expect(int64Value(-9_007_199_254_740_993n)).toBe(-9_007_199_254_740_993n);
  });
});
