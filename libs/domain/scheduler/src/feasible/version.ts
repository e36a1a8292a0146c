// Version constraints for the `version` (go-version rules) and `semver` (SemVer 2.0 rules)
// operands. A constraint string is a comma-separated list of `<op> <version>` terms, all of
// which must hold; ops are =, !=, >, >=, <, <=, ~> (pessimistic).

interface Version {
  segments: number[];
  /** given segment count, for `~>` */
  specified: number;
  prerelease: string;
}

const LOOSE = /^v?(\d+(?:\.\d+)*)(?:-([0-9A-Za-z\-.~]+))?(?:\+[0-9A-Za-z\-.~]+)?$/;
const STRICT = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z\-.]+))?(?:\+[0-9A-Za-z\-.]+)?$/;

export function parseVersion(text: string, strict: boolean): Version | null {
  const s = text.trim();
  if (strict) {
    const m = STRICT.exec(s);
    if (!m) return null;
    return { segments: [m[1], m[2], m[3]].map(Number), specified: 3, prerelease: m[4] ?? '' };
  }
  const m = LOOSE.exec(s);
  if (!m || m[1] === undefined) return null;
  const given = m[1].split('.').map(Number);
  const segments = [...given];
  while (segments.length < 3) segments.push(0);
  return { segments, specified: given.length, prerelease: m[2] ?? '' };
}

export function compareVersions(a: Version, b: Version): number {
  const n = Math.max(a.segments.length, b.segments.length);
  for (let i = 0; i < n; i++) {
    const d = (a.segments[i] ?? 0) - (b.segments[i] ?? 0);
    if (d !== 0) return Math.sign(d);
  }
  return comparePrerelease(a.prerelease, b.prerelease);
}

function comparePrerelease(a: string, b: string): number {
  if (a === b) return 0;
  if (a === '') return 1; // a release sorts after its pre-releases
  if (b === '') return -1;
  const pa = a.split('.');
  const pb = b.split('.');
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    const nx = /^\d+$/.test(x);
    const ny = /^\d+$/.test(y);
    if (nx && ny) return Math.sign(Number(x) - Number(y));
    if (nx) return -1; // numeric identifiers sort before alphanumeric ones
    if (ny) return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

const TERM = /^\s*(=|!=|>=|<=|>|<|~>)?\s*(\S+)\s*$/;

/** Does `versionText` satisfy every term of `constraintText`? Unparseable input never does. */
export function versionSatisfies(versionText: string, constraintText: string, strict: boolean) {
  const v = parseVersion(versionText, strict);
  if (!v) return false;
  const terms = constraintText.split(',');
  for (const term of terms) {
    const m = TERM.exec(term);
    if (!m || m[2] === undefined) return false;
    const c = parseVersion(m[2], strict);
    if (!c) return false;
    if (!strict && !prereleaseAllowed(v, c)) return false;
    if (!holds(m[1] ?? '=', v, c)) return false;
  }
  return terms.length > 0;
}

/**
 * go-version: a pre-release version only matches a constraint that itself names a pre-release
 * of the same base version, so `>= 1.0` does not pick up `1.5.0-beta`. SemVer mode drops this.
 */
function prereleaseAllowed(v: Version, c: Version): boolean {
  if (v.prerelease === '') return true;
  if (c.prerelease === '') return false;
  return v.segments.every((s, i) => s === (c.segments[i] ?? 0));
}

function holds(op: string, v: Version, c: Version): boolean {
  const cmp = compareVersions(v, c);
  switch (op) {
    case '=':
      return cmp === 0;
    case '!=':
      return cmp !== 0;
    case '>':
      return cmp > 0;
    case '>=':
      return cmp >= 0;
    case '<':
      return cmp < 0;
    case '<=':
      return cmp <= 0;
    case '~>': {
      // ~> 1.2.3 allows >= 1.2.3, < 1.3; ~> 1.2 allows >= 1.2, < 2.0.
      if (cmp < 0) return false;
      const fixed = Math.max(c.specified - 1, 1);
      return c.segments.slice(0, fixed).every((s, i) => v.segments[i] === s);
    }
    default:
      return false;
  }
}
