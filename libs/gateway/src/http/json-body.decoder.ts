import { parseJson } from '@caravan/json';
import { badRequest } from '../errors/nomad-coded.error';

// Request bodies are decoded the way Go's json.Decoder sees them in Nomad's decodeBody: only
// the first JSON value counts (trailing bytes are ignored), whitespace alone is "EOF", and a
// syntax error becomes a 400 whose text follows encoding/json's wording where we can tell.

const POSITION = / at position (\d+)$/;

/** `undefined` for an empty body: handlers that need one throw "Request body is empty". */
export function decodeJsonBody(text: string): unknown {
  if (text === '') return undefined;
  if (text.trim() === '') throw badRequest('EOF');
  let value: unknown;
  try {
    value = parseJson(text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    if (message.startsWith('Expected end of input')) {
      const at = POSITION.exec(message);
      if (at !== null) return decodeJsonBody(text.slice(0, Number(at[1])));
    }
    throw badRequest(goJsonSyntaxMessage(message, text));
  }
  // Only an escape can put U+0000 in a decoded string (a raw NUL byte is a syntax error).
  if (text.includes('\\u0000')) {
    const at = nulPath(value, '');
    if (at !== undefined)
      throw badRequest(
        `request body contains the character U+0000 at ${at || '(root)'}, ` +
          'which Caravan cannot store (PostgreSQL jsonb rejects it)',
      );
  }
  return value;
}

/** Where the first U+0000 sits in a decoded value (a dotted path), or undefined. */
export function nulPath(value: unknown, path: string): string | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined;
  if (Array.isArray(value)) {
    for (let k = 0; k < value.length; k++) {
      const found = nulPath(value[k], `${path}[${k}]`);
      if (found !== undefined) return found;
    }
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  for (const [key, item] of Object.entries(value)) {
    const here = path === '' ? key : `${path}.${key}`;
    if (key.includes('\u0000')) return here;
    const found = nulPath(item, here);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** Maps lossless-json's syntax error (and the offending character in `text`) onto encoding/json's wording. */
export function goJsonSyntaxMessage(message: string, text: string): string {
  const at = POSITION.exec(message);
  if (message.includes('reached end of input') || (at !== null && Number(at[1]) >= text.length)) {
    return 'unexpected EOF';
  }
  if (at === null) return message;
  const quoted = `invalid character '${text[Number(at[1])] ?? ''}'`;
  if (message.startsWith('Colon')) return `${quoted} after object key`;
  if (message.startsWith('Comma')) return `${quoted} after array element`;
  if (message.startsWith('Quoted object key'))
    return `${quoted} looking for beginning of object key string`;
  if (message.includes('expected')) return `${quoted} looking for beginning of value`;
  return message.replace(POSITION, '');
}
