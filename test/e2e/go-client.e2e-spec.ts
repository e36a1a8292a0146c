import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseJson } from '@caravan/json';
import type { CaravanUnderTest } from './support/caravan-under-test';
import { startDistributedCaravan } from './support/distributed-caravan';
import { startEmbeddedCaravan } from './support/embedded-caravan';

// The official Nomad Go client (github.com/hashicorp/nomad/api), unchanged, against Caravan.
// test/go-client is a Go program that runs one check per Jobs API call and prints a JSON line
// per passed check (and per known deviation); it stops at the first failure. Built once, run
// against each topology.

const MODULE_DIR = resolve(__dirname, '../go-client');
const EXPECTED_CHECKS = [
  'register',
  'info',
  'list',
  'prefix-list',
  'update-bumps-version',
  'register-unchanged-keeps-version',
  'versions',
  'summary',
  'evaluations',
  'allocations-empty',
  'deployments-empty',
  'latest-deployment-nil',
  'revert',
  'stable',
  'force-evaluate',
  'blocking-query-times-out',
  'blocking-query-wakes-on-write',
  'parse-hcl',
  'deregister-stop',
  'deregister-purge',
  'job-id-with-slash',
  'enforce-register',
  'run-register',
  'run-follow-eval',
  'run-allocations-running',
  'alloc-status',
  'eval-status',
  'node-status',
  'alloc-stop',
  'run-stop',
];
/**
 * Known ways Caravan still differs from Nomad that a Go program survives (see the program's
 * `deviation` calls). Exact: a new deviation fails this test, and so does a fixed one, whose id
 * must then leave this list (and its check in the program become a hard expect).
 */
const KNOWN_DEVIATIONS: string[] = [];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

interface ReportLine {
  check: string;
  ok: boolean;
  detail?: string;
  error?: string;
  deviation?: string;
}

// The embedded Caravan serves from this very process, so children must run asynchronously:
// a synchronous spawn would block the event loop the server answers on.
function run(file: string, args: string[], env: NodeJS.ProcessEnv, cwd?: string): Promise<Run> {
  return new Promise((done) => {
    execFile(file, args, { env, cwd, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (error.code ?? -1) : 0;
      done({ code: typeof code === 'number' ? code : -1, stdout, stderr });
    });
  });
}

/** The environment without NOMAD_* variables, so the developer's own Nomad settings never leak in. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !key.startsWith('NOMAD_')),
  );
  return { ...env, ...extra };
}

async function findGo(): Promise<string> {
  for (const candidate of ['go', '/usr/local/go/bin/go']) {
    const probe = await run(candidate, ['version'], cleanEnv({}));
    if (probe.code === 0) return candidate;
  }
  throw new Error(
    'The Go toolchain was not found (neither `go` on PATH nor /usr/local/go/bin/go). ' +
      'Install Go 1.26 or later (https://go.dev/doc/install) to run the Nomad Go client e2e test.',
  );
}

function reportLines(stdout: string): ReportLine[] {
  return stdout
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => parseJson<ReportLine>(line));
}

let binary = '';
let buildDir = '';

beforeAll(async () => {
  const go = await findGo();
  buildDir = mkdtempSync(join(tmpdir(), 'caravan-go-client-'));
  binary = join(buildDir, 'go-client');
  const build = await run(
    go,
    ['build', '-o', binary, '.'],
    cleanEnv({ GOFLAGS: '-mod=mod', GOTOOLCHAIN: 'local' }),
    MODULE_DIR,
  );
  if (build.code !== 0 || !existsSync(binary))
    throw new Error(`go build in ${MODULE_DIR} failed (${build.code}):\n${build.stderr}`);
}, 600_000);

afterAll(() => {
  if (buildDir) rmSync(buildDir, { recursive: true, force: true });
});

describe.each([
  ['embedded', startEmbeddedCaravan],
  ['distributed (Kafka)', startDistributedCaravan],
])('official Nomad Go client, %s', (_mode, start) => {
  let caravan: CaravanUnderTest;
  beforeAll(async () => {
    caravan = await start();
  }, 120_000);
  afterAll(async () => caravan?.stop(), 60_000);

  it('passes every Jobs API check of test/go-client', async () => {
    const result = await run(binary, [], cleanEnv({ NOMAD_ADDR: caravan.baseUrl }));
    const lines = reportLines(result.stdout);
    const failed = lines.find((line) => !line.ok);
    if (result.code !== 0) {
      throw new Error(
        `go-client exited with ${result.code}` +
          (failed ? ` at check "${failed.check}": ${failed.error}` : '') +
          `\nstdout:\n${result.stdout}\nstderr:\n${result.stderr}`,
      );
    }
    expect(failed).toBeUndefined();
    const passed = lines.filter((line) => line.deviation === undefined);
    expect(passed.map((line) => line.check)).toEqual(EXPECTED_CHECKS);
    const deviations = lines.filter((line) => line.deviation !== undefined);
    expect(deviations.map((line) => line.check)).toEqual(KNOWN_DEVIATIONS);
  }, 120_000);
});
