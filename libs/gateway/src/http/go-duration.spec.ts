import { parseGoDuration } from './go-duration';

describe('parseGoDuration (Go time.ParseDuration)', () => {
  it.each([
    ['0', 0],
    ['10s', 10e9],
    ['5m', 300e9],
    ['100ms', 100e6],
    ['1h15m', 4500e9],
    ['1.5s', 1.5e9],
    ['.5s', 0.5e9],
    ['2.s', 2e9],
    ['3us', 3e3],
    ['3µs', 3e3],
    ['3μs', 3e3],
    ['42ns', 42],
    ['-2s', -2e9],
    ['+2s', 2e9],
  ])('%s is %d ns', (text, ns) => {
    expect(parseGoDuration(text)).toBe(ns);
  });

  it.each(['', '10', 's', '.s', '10x', '1d', 'ten', '1s2', ' 1s', '1 s', '-', '3000000h'])(
    'rejects %p',
    (text) => {
      expect(parseGoDuration(text)).toBeUndefined();
    },
  );
});
