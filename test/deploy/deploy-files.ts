import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { parse } from 'yaml';

// Readers for the deployment files the deploy specs check. Paths are relative to the repo root.
export const ROOT = join(__dirname, '..', '..');

export function readRepoFile(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

export interface ComposeService {
  image?: string;
  build?: { context?: string; target?: string; args?: Record<string, unknown> };
  container_name?: string;
  ports?: unknown[];
  environment?: Record<string, unknown>;
  healthcheck?: { test?: unknown; interval?: string; disable?: boolean };
  depends_on?: Record<string, { condition?: string }> | string[];
  init?: boolean;
  [key: string]: unknown;
}

export interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
}

/** Parsed like Docker Compose does: YAML merge keys (`<<: *anchor`) are expanded. */
export function readCompose(): ComposeFile {
  return parse(readRepoFile('docker-compose.yml'), { merge: true }) as ComposeFile;
}

export interface DockerInstruction {
  keyword: string;
  args: string;
}

/** Dockerfile instructions with line continuations joined and comments dropped. */
export function readDockerfile(): DockerInstruction[] {
  const joined = readRepoFile('Dockerfile')
    .split('\n')
    .filter((line) => !/^\s*#/.test(line))
    .join('\n')
    .replace(/\\\n/g, ' ');
  return joined
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const [keyword = '', ...rest] = line.split(/\s+/);
      return { keyword: keyword.toUpperCase(), args: rest.join(' ') };
    });
}

/** Where `npm run build` (tsc -p tsconfig.build.json) writes the JavaScript for a source file. */
export function compiledPath(sourcePath: string): string {
  const configPath = join(ROOT, 'tsconfig.build.json');
  const { config } = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
  const parsed = ts.parseJsonConfigFileContent(config, ts.sys, ROOT, undefined, configPath);
  const rootDir = parsed.options.rootDir ?? ROOT;
  const outDir = parsed.options.outDir ?? ROOT;
  const out = join(outDir, relative(rootDir, join(ROOT, sourcePath))).replace(/\.ts$/, '.js');
  return relative(ROOT, out);
}

/** Major version of the first number in a version or semver range: "^18.4.0-beta.17" -> 18. */
export function majorOf(version: string): number {
  const match = /(\d+)/.exec(version);
  if (!match?.[1]) throw new Error(`no version number in "${version}"`);
  return Number(match[1]);
}
