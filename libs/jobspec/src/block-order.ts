// hcl2json returns labeled blocks as JSON objects keyed by label, sorted (Go map order), so
// `group "web"` before `group "api"` would come back as api, web. Nomad keeps source order
// (TaskGroups, Tasks, ports). This scanner walks the already-validated source once and records,
// per parent path, the order in which labels first appear.
//
// A path is the chain of block headers from the file root: `job:example/group:cache/network`.

export type BlockOrder = ReadonlyMap<string, readonly string[]>;

export const childPath = (parent: string, type: string, label?: string): string =>
  `${parent}/${label === undefined ? type : `${type}:${label}`}`;

const IDENT = /[A-Za-z_][A-Za-z0-9_-]*/y;

class Scanner {
  pos = 0;
  readonly order = new Map<string, string[]>();
  constructor(private readonly src: string) {}

  body(path: string): void {
    for (;;) {
      this.skipSpace(true);
      if (this.pos >= this.src.length) return;
      if (this.src[this.pos] === '}') {
        this.pos++;
        return;
      }
      const name = this.ident();
      if (name === '') return; // not a body we understand: stop rather than guess
      this.skipSpace(false);
      if (this.src[this.pos] === '=') {
        this.pos++;
        this.expression();
        continue;
      }
      const labels: string[] = [];
      while (this.pos < this.src.length && this.src[this.pos] !== '{') {
        labels.push(this.src[this.pos] === '"' ? this.label() : this.ident());
        this.skipSpace(false);
      }
      this.pos++;
      const label = labels[0];
      if (label !== undefined) this.record(`${path}/${name}`, label);
      this.body(childPath(path, name, label));
    }
  }

  private record(key: string, label: string): void {
    const seen = this.order.get(key) ?? [];
    if (!seen.includes(label)) seen.push(label);
    this.order.set(key, seen);
  }

  private ident(): string {
    IDENT.lastIndex = this.pos;
    const m = IDENT.exec(this.src);
    if (m === null) return '';
    this.pos += m[0].length;
    return m[0];
  }

  private label(): string {
    const start = this.pos;
    this.string();
    const raw = this.src.slice(start, this.pos);
    try {
      return JSON.parse(raw) as string;
    } catch {
      return raw.slice(1, -1);
    }
  }

  // Whitespace and comments; newlines only when `newlines` (they end an attribute).
  private skipSpace(newlines: boolean): void {
    const s = this.src;
    while (this.pos < s.length) {
      const c = s[this.pos];
      if (c === ' ' || c === '\t' || c === '\r' || (newlines && c === '\n')) this.pos++;
      else if (c === '#' || (c === '/' && s[this.pos + 1] === '/')) {
        if (!newlines) return;
        while (this.pos < s.length && s[this.pos] !== '\n') this.pos++;
      } else if (c === '/' && s[this.pos + 1] === '*') {
        const end = s.indexOf('*/', this.pos + 2);
        this.pos = end < 0 ? s.length : end + 2;
      } else return;
    }
  }

  // An attribute's expression: ends at a newline or a closing brace outside any bracket.
  private expression(): void {
    const s = this.src;
    let depth = 0;
    while (this.pos < s.length) {
      const c = s[this.pos];
      if (c === '"') this.string();
      else if (c === '<' && s[this.pos + 1] === '<' && /[-A-Za-z_]/.test(s[this.pos + 2] ?? ''))
        this.heredoc();
      else if (c === '#' || (c === '/' && s[this.pos + 1] === '/')) {
        if (depth === 0) return; // the body loop skips the comment and the newline
        while (this.pos < s.length && s[this.pos] !== '\n') this.pos++;
      } else if (c === '/' && s[this.pos + 1] === '*') {
        const end = s.indexOf('*/', this.pos + 2);
        this.pos = end < 0 ? s.length : end + 2;
      } else if (c === '(' || c === '[' || c === '{') {
        depth++;
        this.pos++;
      } else if (c === ')' || c === ']' || c === '}') {
        if (depth === 0) return;
        depth--;
        this.pos++;
      } else if (c === '\n' && depth === 0) return;
      else this.pos++;
    }
  }

  // A quoted template; `${ ... }` and `%{ ... }` may nest strings, `$${` and `%%{` escape.
  private string(): void {
    const s = this.src;
    this.pos++;
    while (this.pos < s.length) {
      const c = s[this.pos];
      if (c === '\\') this.pos += 2;
      else if (c === '"') {
        this.pos++;
        return;
      } else if ((c === '$' || c === '%') && s[this.pos + 1] === c) this.pos += 2;
      else if ((c === '$' || c === '%') && s[this.pos + 1] === '{') {
        this.pos += 2;
        this.templateInterpolation();
      } else this.pos++;
    }
  }

  private templateInterpolation(): void {
    const s = this.src;
    let depth = 0;
    while (this.pos < s.length) {
      const c = s[this.pos];
      if (c === '"') this.string();
      else if (c === '{') {
        depth++;
        this.pos++;
      } else if (c === '}') {
        this.pos++;
        if (depth-- === 0) return;
      } else this.pos++;
    }
  }

  // `<<EOT` / `<<-EOT` ... a line holding only the marker (indented for the `-` form).
  private heredoc(): void {
    const s = this.src;
    const m = /<<-?([A-Za-z_][A-Za-z0-9_-]*)[^\n]*\n/y;
    m.lastIndex = this.pos;
    const head = m.exec(s);
    if (head === null) {
      this.pos += 2;
      return;
    }
    this.pos += head[0].length;
    while (this.pos < s.length) {
      const eol = s.indexOf('\n', this.pos);
      const line = s.slice(this.pos, eol < 0 ? s.length : eol);
      this.pos = eol < 0 ? s.length : eol;
      if (line.trim() === head[1]) return;
      this.pos++;
    }
  }
}

/** Source order of labeled blocks, keyed by `<parent path>/<block type>`. */
export function scanBlockOrder(source: string): BlockOrder {
  const scanner = new Scanner(source);
  scanner.body('');
  return scanner.order;
}

/** Entries of a labeled-block object, in source order (unknown labels keep JSON order, last). */
export function orderedLabels(
  order: BlockOrder,
  parent: string,
  type: string,
  labels: string[],
): string[] {
  const seen = order.get(`${parent}/${type}`) ?? [];
  const rank = (l: string): number => {
    const i = seen.indexOf(l);
    return i < 0 ? seen.length : i;
  };
  return [...labels].sort((a, b) => rank(a) - rank(b));
}
