// Go's strconv.Unquote for the two string forms go-bexpr accepts: "double quoted" with Go
// escapes, and `raw` (carriage returns dropped). Go strings are bytes, so \x and octal escapes
// produce bytes; the result is decoded as UTF-8 (invalid sequences become U+FFFD).

export class GoSyntaxError extends Error {
  constructor() {
    super('invalid syntax');
  }
}

const SIMPLE: Readonly<Record<string, number>> = {
  a: 7,
  b: 8,
  f: 12,
  n: 10,
  r: 13,
  t: 9,
  v: 11,
  '\\': 0x5c,
  '"': 0x22,
};

const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder('utf-8', { fatal: false });

function hexValue(digits: string): number {
  if (!/^[0-9a-fA-F]+$/.test(digits)) throw new GoSyntaxError();
  return parseInt(digits, 16);
}

function isValidRune(cp: number): boolean {
  return cp <= 0x10ffff && !(cp >= 0xd800 && cp <= 0xdfff);
}

function unquoteDouble(body: string): string {
  if (body.includes('\n')) throw new GoSyntaxError();
  if (!body.includes('\\') && !body.includes('"')) return body;
  const bytes: number[] = [];
  const pushRune = (cp: number): void => {
    bytes.push(...utf8.encode(String.fromCodePoint(cp)));
  };
  const chars = [...body];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] ?? '';
    if (c === '"') throw new GoSyntaxError();
    if (c !== '\\') {
      pushRune(c.codePointAt(0) ?? 0);
      continue;
    }
    const e = chars[++i];
    if (e === undefined) throw new GoSyntaxError();
    const simple = SIMPLE[e];
    if (simple !== undefined) {
      bytes.push(simple);
    } else if (e === 'x' || e === 'u' || e === 'U') {
      const width = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const digits = chars.slice(i + 1, i + 1 + width).join('');
      if (digits.length !== width) throw new GoSyntaxError();
      const v = hexValue(digits);
      i += width;
      if (e === 'x') bytes.push(v);
      else if (isValidRune(v)) pushRune(v);
      else throw new GoSyntaxError();
    } else if (e >= '0' && e <= '7') {
      const digits = chars.slice(i, i + 3).join('');
      if (!/^[0-7]{3}$/.test(digits)) throw new GoSyntaxError();
      const v = parseInt(digits, 8);
      if (v > 255) throw new GoSyntaxError();
      bytes.push(v);
      i += 2;
    } else {
      throw new GoSyntaxError(); // includes \' inside a double-quoted string
    }
  }
  return fromUtf8.decode(Uint8Array.from(bytes));
}

/** `quoted` includes its delimiters, as the grammar hands it over. */
export function goUnquote(quoted: string): string {
  if (quoted.length < 2) throw new GoSyntaxError();
  const quote = quoted[0];
  if (quote !== quoted[quoted.length - 1]) throw new GoSyntaxError();
  const body = quoted.slice(1, -1);
  if (quote === '`') {
    if (body.includes('`')) throw new GoSyntaxError();
    return body.replace(/\r/g, '');
  }
  if (quote === '"') return unquoteDouble(body);
  throw new GoSyntaxError();
}
