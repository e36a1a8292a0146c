import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The repository's toolchain as CI runs it: the boundary lint rejects what the architecture
// forbids, and an app builds and starts with the Nest CLI. Probe files live inside the tree
// (the rules match repository paths) under unique names, and are removed whatever happens.

const ROOT = join(__dirname, '..', '..');
const bin = (name: string) => join(ROOT, 'node_modules', '.bin', name);
const probeName = (ext: string) => `zz-probe-${randomBytes(4).toString('hex')}.${ext}`;

function withProbe<T>(path: string, content: string, run: () => T): T {
  writeFileSync(join(ROOT, path), content);
  try {
    return run();
  } finally {
    rmSync(join(ROOT, path), { force: true });
  }
}

function depcruise(path: string): { status: number | null; output: string } {
  const result = spawnSync(bin('depcruise'), [path, '--config', '.dependency-cruiser.cjs'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

describe('boundary lint (dependency-cruiser, part of npm run lint)', () => {
  it('runs in npm run lint over apps, libs, tests and benchmarks', () => {
    const scripts = (
      JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    expect(scripts.lint).toContain('npm run lint:deps');
    expect(scripts['lint:deps']).toBe(
      'depcruise apps libs test bench --config .dependency-cruiser.cjs',
    );
  });

  it('passes a file that uses another lib through its index', () => {
    const path = `libs/gateway/src/${probeName('ts')}`;
    const result = withProbe(path, "export * from '@caravan/jobspec';\n", () => depcruise(path));
    expect(result.output).toContain('no dependency violations found');
    expect(result.status).toBe(0);
  });

  it('fails on a deep import into another lib', () => {
    const path = `libs/gateway/src/${probeName('ts')}`;
    const content = "export { JOB } from '../../jobspec/src/schema.job';\n";
    const result = withProbe(path, content, () => depcruise(path));
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(
      `libs-only-through-index: ${path} → libs/jobspec/src/schema.job.ts`,
    );
  });

  it('fails on an app importing another app by a relative path', () => {
    const path = `apps/scheduler/src/${probeName('ts')}`;
    const content = "import '../../api-gateway/src/main';\n";
    const result = withProbe(path, content, () => depcruise(path));
    expect(result.status).not.toBe(0);
    expect(result.output).toContain(
      `apps-never-import-apps: ${path} → apps/api-gateway/src/main.ts`,
    );
  });
});

describe('nest build <app>', () => {
  // Inside node_modules so the built app resolves its packages from the repository's.
  const outDir = join(ROOT, 'node_modules', '.cache', `caravan-${probeName('out')}`);
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  it('builds the scheduler with the Nest CLI, and the output starts', () => {
    const tsconfig = `apps/scheduler/${probeName('json')}`;
    mkdirSync(outDir, { recursive: true });
    const config = { extends: './tsconfig.app.json', compilerOptions: { outDir } };
    const build = withProbe(tsconfig, JSON.stringify(config), () =>
      spawnSync(bin('nest'), ['build', 'scheduler', '--path', tsconfig], {
        cwd: ROOT,
        encoding: 'utf8',
      }),
    );
    expect(`${build.stdout}${build.stderr}`).toBe('');
    expect(build.status).toBe(0);

    const main = join(outDir, 'apps', 'scheduler', 'src', 'main.js');
    expect(existsSync(main)).toBe(true);
    expect(readFileSync(main, 'utf8')).not.toContain('@caravan/'); // aliases rewritten

    // Without its required settings the app stops with the config exit code (78), which
    // proves every module it loads at start-up resolved.
    const env = { ...process.env };
    delete env.DATABASE_URL;
    delete env.KAFKA_BROKERS;
    const run = spawnSync(process.execPath, [main], { cwd: ROOT, env, encoding: 'utf8' });
    expect(run.stderr + run.stdout).toContain('DATABASE_URL: required, not set');
    expect(run.status).toBe(78);
  }, 120_000);
});
