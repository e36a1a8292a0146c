import { parseGoBool, parseGoFloat64, parseGoInt64, parseGoUint64 } from './go-strconv';

describe('parseGoInt64 (strconv.ParseInt(s, 0, 64))', () => {
  it.each([
    ['0', 0n],
    ['50', 50n],
    ['-50', -50n],
    ['+7', 7n],
    ['0x1F', 31n],
    ['0X1f', 31n],
    ['0o17', 15n],
    ['017', 15n],
    ['0b101', 5n],
    ['1_000', 1000n],
    ['0x_1F', 31n],
    ['9223372036854775807', 9223372036854775807n],
    ['-9223372036854775808', -9223372036854775808n],
  ])('%s → %s', (s, v) => expect(parseGoInt64(s)).toBe(v));

  it.each([
    ['', 'strconv.ParseInt: parsing "": invalid syntax'],
    ['1.5', 'strconv.ParseInt: parsing "1.5": invalid syntax'],
    ['08', 'strconv.ParseInt: parsing "08": invalid syntax'],
    ['0x', 'strconv.ParseInt: parsing "0x": invalid syntax'],
    ['1__0', 'strconv.ParseInt: parsing "1__0": invalid syntax'],
    ['_1', 'strconv.ParseInt: parsing "_1": invalid syntax'],
    [' 1', 'strconv.ParseInt: parsing " 1": invalid syntax'],
    ['9223372036854775808', 'strconv.ParseInt: parsing "9223372036854775808": value out of range'],
    [
      '-9223372036854775809',
      'strconv.ParseInt: parsing "-9223372036854775809": value out of range',
    ],
  ])('%j fails: %s', (s, message) => expect(() => parseGoInt64(s)).toThrow(message));
});

describe('parseGoUint64', () => {
  it('accepts the full uint64 range and rejects signs', () => {
    expect(parseGoUint64('18446744073709551615')).toBe(18446744073709551615n);
    expect(() => parseGoUint64('18446744073709551616')).toThrow(
      'strconv.ParseUint: parsing "18446744073709551616": value out of range',
    );
    expect(() => parseGoUint64('-1')).toThrow('strconv.ParseUint: parsing "-1": invalid syntax');
  });
});

describe('parseGoBool', () => {
  it.each([
    ['1', true],
    ['t', true],
    ['T', true],
    ['TRUE', true],
    ['true', true],
    ['True', true],
    ['0', false],
    ['f', false],
    ['F', false],
    ['FALSE', false],
    ['false', false],
    ['False', false],
  ])('%s → %s', (s, v) => expect(parseGoBool(s)).toBe(v));

  it.each(['yes', 'tRUE', ''])('%j is invalid syntax', (s) =>
    expect(() => parseGoBool(s)).toThrow(`strconv.ParseBool: parsing "${s}": invalid syntax`),
  );
});

describe('parseGoFloat64', () => {
  it.each([
    ['1.5', 1.5],
    ['-0.25', -0.25],
    ['.5', 0.5],
    ['5.', 5],
    ['1e3', 1000],
    ['1E-2', 0.01],
    ['1_000.5', 1000.5],
    ['0x1p-2', 0.25],
    ['0x1.8p1', 3],
    ['inf', Infinity],
    ['-Infinity', -Infinity],
  ])('%s → %s', (s, v) => expect(parseGoFloat64(s)).toBe(v));

  it('parses NaN', () => expect(parseGoFloat64('NaN')).toBeNaN());

  it.each([
    ['abc', 'invalid syntax'],
    ['', 'invalid syntax'],
    ['1e', 'invalid syntax'],
    ['.', 'invalid syntax'],
    ['1__0', 'invalid syntax'],
    ['1e400', 'value out of range'],
  ])('%j fails: %s', (s, reason) =>
    expect(() => parseGoFloat64(s)).toThrow(`strconv.ParseFloat: parsing "${s}": ${reason}`),
  );
});
