// Nomad's TaskArtifact.Validate and Template.Validate: what a task downloads or renders into
// its directory. Paths may not climb out of the allocation directory.
import { posix } from 'node:path';
import type { TaskArtifact, Template } from '@caravan/nomad-api';
import { goDuration, goQuote } from './go-format';

const CHECKSUM_BYTES: Record<string, number> = { md5: 16, sha1: 20, sha256: 32, sha512: 64 };
const ENV_RE = /\$\{[a-zA-Z0-9_\-.]+\}/;

export function validateArtifact(a: TaskArtifact): string[] {
  const errs: string[] = [];
  if (a.GetterSource === '') errs.push('source must be specified');
  if (!['', 'any', 'file', 'dir'].includes(a.GetterMode)) {
    errs.push(`invalid artifact mode ${goQuote(a.GetterMode)}; must be one of: any, file, dir`);
  }
  if (escapesAlloc(a.RelativeDest)) errs.push('destination escapes allocation directory');
  const checksum = checksumError(a.GetterOptions?.['checksum']);
  if (checksum !== null) errs.push(checksum);
  return errs;
}

export function validateTemplate(t: Template): string[] {
  const errs: string[] = [];
  if (t.SourcePath === '' && t.EmbeddedTmpl === '')
    errs.push('Must specify a source path or have an embedded template');
  if (t.DestPath === '') errs.push('Must specify a destination for the template');
  if (escapesAlloc(t.DestPath)) errs.push('destination escapes allocation directory');
  if (t.ChangeMode === 'signal') {
    if (t.ChangeSignal === '') errs.push('Must specify signal value when change mode is signal');
    if (t.Envvars) errs.push('cannot use signals with env var templates');
  } else if (t.ChangeMode === 'script') {
    if (t.ChangeScript === null) {
      errs.push('must specify change script configuration value when change mode is script');
    } else if (t.ChangeScript.Command === '') {
      errs.push('must specify script path value when change mode is script');
    }
  } else if (t.ChangeMode !== 'noop' && t.ChangeMode !== 'restart') {
    errs.push('Invalid change mode. Must be one of the following: noop, signal, script, restart');
  }
  if (BigInt(t.Splay) < 0n) errs.push('Must specify positive splay value');
  if (t.Perms !== '') {
    const why = !/^[0-7]+$/.test(t.Perms)
      ? 'invalid syntax'
      : BigInt(`0o${t.Perms}`) > 0o7777n
        ? 'value out of range'
        : null;
    if (why !== null) {
      errs.push(
        `Failed to parse ${goQuote(t.Perms)} as octal: strconv.ParseUint: parsing ${goQuote(t.Perms)}: ${why}`,
      );
    }
  }
  const wait = t.Wait;
  if (wait && wait.Min !== null && wait.Max !== null && BigInt(wait.Min) > BigInt(wait.Max)) {
    errs.push(`wait min ${goDuration(wait.Min)} is greater than max ${goDuration(wait.Max)}`);
  }
  return errs;
}

/** escapingfs.PathEscapesAllocViaRelative("task", path): Nomad tests the "..", prefix only. */
export function escapesAlloc(path: string): boolean {
  const alloc = '/alloc-dir/alloc-id';
  const rel = posix.relative(alloc, posix.join(alloc, 'task', path));
  return rel.startsWith('..');
}

function checksumError(raw: string | undefined): string | null {
  // Interpolated checksums are only known on the client.
  if (raw === undefined || ENV_RE.test(raw)) return null;
  const check = raw.trim();
  if (check === '') return 'checksum value cannot be empty';
  const parts = check.split(':');
  if (parts.length !== 2) return `checksum must be given as "type:value"; got ${goQuote(check)}`;
  const [type = '', value = ''] = parts;
  const hexErr = hexError(value);
  if (hexErr !== null) return `invalid checksum: ${hexErr}`;
  const expected = CHECKSUM_BYTES[type];
  if (expected === undefined) return `unsupported checksum type: ${type}`;
  if (value.length / 2 !== expected) return `invalid ${type} checksum: ${value}`;
  return null;
}

/** encoding/hex.DecodeString's error, checking pairs first and the odd tail last. */
function hexError(s: string): string | null {
  const bad = (ch: string): string => {
    const cp = ch.charCodeAt(0);
    const shown = cp >= 0x20 && cp !== 0x7f ? ` '${ch}'` : '';
    return `encoding/hex: invalid byte: U+${cp.toString(16).toUpperCase().padStart(4, '0')}${shown}`;
  };
  const bytes = Buffer.from(s, 'utf8').toString('latin1');
  for (const ch of bytes) if (!/[0-9a-fA-F]/.test(ch)) return bad(ch);
  return bytes.length % 2 === 1 ? 'encoding/hex: odd length hex string' : null;
}
