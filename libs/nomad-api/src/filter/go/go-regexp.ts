// `matches` takes a Go (RE2) regular expression. This translates the RE2 syntax people write
// into an equivalent JavaScript RegExp (with the `u` flag) and rejects what RE2 rejects or
// what has no faithful translation. Messages follow Go's `error parsing regexp: <code>: `<expr>``
// for the common cases; other syntax errors carry JavaScript's wording after the same prefix.

export class GoRegexpError extends Error {}

const syntaxError = (code: string, expr: string): GoRegexpError =>
  new GoRegexpError(`error parsing regexp: ${code}: \`${expr}\``);

const POSIX: Readonly<Record<string, string>> = {
  alnum: '0-9A-Za-z',
  alpha: 'A-Za-z',
  ascii: '\\x00-\\x7F',
  blank: '\\t ',
  cntrl: '\\x00-\\x1F\\x7F',
  digit: '0-9',
  graph: '!-~',
  lower: 'a-z',
  print: ' -~',
  punct: '!-\\/:-@\\[-`{-~',
  space: '\\t\\n\\v\\f\\r ',
  upper: 'A-Z',
  word: '0-9A-Za-z_',
  xdigit: '0-9A-Fa-f',
};

const hexEscape = (ch: string): string => `\\u{${(ch.codePointAt(0) ?? 0).toString(16)}}`;

/** One escape sequence starting at pattern[i] === '\\'; returns [translation, next index]. */
function translateEscape(p: string, i: number, inClass: boolean): [string, number] {
  const c = p[i + 1];
  if (c === undefined) throw syntaxError('trailing backslash at end of expression', '');
  if (/[!-/:-@[-`{-~]/.test(c)) return [hexEscape(c), i + 2]; // escaped punctuation is literal
  if ('dwDWbB'.includes(c)) return [`\\${c}`, i + 2];
  if (c === 's') return [inClass ? '\\t\\n\\f\\r ' : '[\\t\\n\\f\\r ]', i + 2]; // RE2's \s is ASCII
  if (c === 'S') return [inClass ? '\\S' : '[^\\t\\n\\f\\r ]', i + 2];
  if ('tnrfv'.includes(c)) return [`\\${c}`, i + 2];
  if (c === 'a') return ['\\x07', i + 2];
  if (c === 'A' && !inClass) return ['(?<![\\s\\S])', i + 2];
  if (c === 'z' && !inClass) return ['(?![\\s\\S])', i + 2];
  if (c === 'x') {
    const braced = /^\{([0-9a-fA-F]{1,8})\}/.exec(p.slice(i + 2));
    if (braced?.[1] !== undefined) return [`\\u{${braced[1]}}`, i + 2 + braced[0].length];
    const two = /^[0-9a-fA-F]{2}/.exec(p.slice(i + 2));
    if (two !== null) return [`\\x${two[0]}`, i + 4];
  }
  if (c === 'p' || c === 'P') {
    const m = /^(?:\{(\^?)([A-Za-z_]+)\}|([A-Za-z]))/.exec(p.slice(i + 2));
    if (m !== null) {
      const name = m[2] ?? m[3] ?? '';
      const negate = (c === 'P') !== (m[1] === '^');
      const prop = name.length <= 2 ? name : `Script=${name}`;
      return [`\\${negate ? 'P' : 'p'}{${prop}}`, i + 2 + m[0].length];
    }
  }
  if (c >= '0' && c <= '7') {
    const oct = /^[0-7]{1,3}/.exec(p.slice(i + 1))?.[0] ?? '';
    if (c === '0' || oct.length > 1)
      return [`\\u{${parseInt(oct, 8).toString(16)}}`, i + 1 + oct.length];
  }
  if (c === 'Q') {
    const end = p.indexOf('\\E', i + 2);
    const literal = p.slice(i + 2, end === -1 ? undefined : end);
    return [[...literal].map(hexEscape).join(''), end === -1 ? p.length : end + 2];
  }
  throw syntaxError('invalid escape sequence', p.slice(i, i + 2));
}

function translateClass(p: string, start: number): [string, number] {
  let out = '[';
  let i = start + 1;
  if (p[i] === '^') out += p[i++];
  if (p[i] === ']') {
    out += '\\]'; // a leading ] is literal in RE2
    i++;
  }
  while (i < p.length && p[i] !== ']') {
    const posix = /^\[:(\^?)([a-z]+):\]/.exec(p.slice(i));
    if (posix !== null) {
      const ranges = POSIX[posix[2] ?? ''];
      if (ranges === undefined || posix[1] === '^')
        throw syntaxError('invalid character class range', posix[0]);
      out += ranges;
      i += posix[0].length;
    } else if (p[i] === '\\') {
      const [t, next] = translateEscape(p, i, true);
      out += t;
      i = next;
    } else {
      out += p[i] === '[' ? '\\[' : p[i];
      i++;
    }
  }
  if (i >= p.length) throw syntaxError('missing closing ]', p.slice(start));
  return [`${out}]`, i + 1];
}

export function compileGoRegexp(pattern: string): RegExp {
  let flags = 'u';
  let i = 0;
  const lead = /^\(\?([imsU]+)\)/.exec(pattern);
  if (lead?.[1] !== undefined) {
    if (lead[1].includes('U')) throw syntaxError('invalid or unsupported Perl syntax', '(?U');
    flags += [...new Set(lead[1])].join('');
    i = lead[0].length;
  }
  let out = '';
  let depth = 0;
  while (i < pattern.length) {
    const c = pattern[i] ?? '';
    if (c === '\\') {
      const [t, next] = translateEscape(pattern, i, false);
      out += t;
      i = next;
    } else if (c === '[') {
      const [t, next] = translateClass(pattern, i);
      out += t;
      i = next;
    } else if (c === '(') {
      const rest = pattern.slice(i);
      const named = /^\(\?P?<([A-Za-z0-9_]+)>/.exec(rest);
      const group = named !== null ? `(?<${named[1]}>` : rest.startsWith('(?:') ? '(?:' : '(';
      if (group === '(' && rest.startsWith('(?')) {
        throw syntaxError('invalid or unsupported Perl syntax', rest.slice(0, 3));
      }
      out += group;
      i += named !== null ? named[0].length : group.length;
      depth++;
    } else if (c === ')') {
      if (--depth < 0) throw syntaxError('unexpected )', pattern);
      out += ')';
      i++;
    } else if (c === '{' || c === '}') {
      const repeat = c === '{' ? /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i)) : null;
      if (repeat !== null && (Number(repeat[1]) > 1000 || Number(repeat[3] || 0) > 1000)) {
        throw syntaxError('invalid repeat count', repeat[0]);
      }
      out += repeat !== null ? repeat[0] : `\\${c}`; // RE2 reads a brace that is no repeat as literal
      i += repeat !== null ? repeat[0].length : 1;
    } else {
      out += c;
      i++;
    }
  }
  if (depth > 0) throw syntaxError('missing closing )', pattern);
  try {
    return new RegExp(out, flags);
  } catch (err) {
    const message = (err as Error).message;
    if (/Nothing to repeat/.test(message))
      throw syntaxError('missing argument to repetition operator', pattern);
    throw new GoRegexpError(`error parsing regexp: ${message}`);
  }
}
