// Go compares strings byte by byte (UTF-8). JavaScript's `<` compares UTF-16 code units, which
// disagrees for characters above U+FFFF against U+E000..U+FFFF. Comparing code points agrees
// with UTF-8 byte order everywhere.

export function compareGoStrings(a: string, b: string): -1 | 0 | 1 {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    // A surrogate (part of a code point >= U+10000) sorts after every BMP character.
    if (xs !== ys) return xs ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
