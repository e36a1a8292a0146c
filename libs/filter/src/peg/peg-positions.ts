// Where each rune of the input sits, in pigeon's terms: a 1-based line, a column that counts
// runes (a newline itself is column 0 of the next line, as pigeon counts it), and a UTF-8
// byte offset. Go works on bytes, so offsets must be byte offsets for messages to match.

export interface SourcePosition {
  line: number;
  col: number;
  offset: number;
}

export interface SourceText {
  /** Code points of the input; index n (one past the end) stands for EOF. */
  runes: readonly number[];
  /** positions[i] is the position of runes[i]; positions[runes.length] is EOF's. */
  positions: readonly SourcePosition[];
  /** unitIndex[i] is where runes[i] starts in the original (UTF-16) string. */
  unitIndex: readonly number[];
  input: string;
}

function utf8Width(cp: number): number {
  if (cp < 0x80) return 1;
  if (cp < 0x800) return 2;
  if (cp < 0x10000) return 3; // includes lone surrogates, which Go would see as U+FFFD
  return 4;
}

export function toSourceText(input: string): SourceText {
  const runes: number[] = [];
  const unitIndex: number[] = [];
  let unit = 0;
  for (const ch of input) {
    runes.push(ch.codePointAt(0) ?? 0);
    unitIndex.push(unit);
    unit += ch.length;
  }
  unitIndex.push(unit);
  const positions: SourcePosition[] = [];
  let line = 1;
  let col = 0;
  let offset = 0;
  let width = 0;
  for (let i = 0; i <= runes.length; i++) {
    offset += width;
    const rn = runes[i];
    width = rn === undefined ? 0 : utf8Width(rn);
    col++;
    if (rn === 0x0a) {
      line++;
      col = 0;
    }
    positions.push({ line, col, offset });
  }
  return { runes, positions, unitIndex, input };
}

export const formatPosition = (p: SourcePosition): string => `${p.line}:${p.col} (${p.offset})`;
