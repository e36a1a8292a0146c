import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, compiledPath, majorOf, readDockerfile, readRepoFile } from './deploy-files';

// The Dockerfile against the build's real output layout, package.json and .dockerignore.

const instructions = readDockerfile();
const all = (keyword: string) =>
  instructions.filter((i) => i.keyword === keyword).map((i) => i.args);
const stages = all('FROM');
const runtimeStart = instructions.findIndex(
  (i) => i.keyword === 'FROM' && / AS runtime$/i.test(i.args),
);
const runtime = instructions.slice(runtimeStart);

function nodeImage(): string {
  const arg = all('ARG').find((args) => args.startsWith('NODE_IMAGE='));
  return arg?.slice('NODE_IMAGE='.length) ?? '';
}

describe('Dockerfile', () => {
  it('builds in stages from one Node LTS slim image', () => {
    expect(stages).toEqual([
      '${NODE_IMAGE} AS build',
      '${NODE_IMAGE} AS prod-deps',
      '${NODE_IMAGE} AS runtime',
    ]);
    expect(nodeImage()).toMatch(/^node:\d+-[a-z]+-slim$/);
    const major = majorOf(nodeImage());
    expect(major % 2).toBe(0); // only even Node majors become LTS
    const engines = JSON.parse(readRepoFile('package.json')) as { engines: { node: string } };
    expect(major).toBeGreaterThanOrEqual(majorOf(engines.engines.node));
  });

  it('compiles with the full tree and ships production dependencies only', () => {
    const runs = all('RUN');
    expect(runs).toContain('--mount=type=cache,target=/root/.npm npm ci --no-audit --no-fund');
    expect(runs).toContain('npm run build');
    expect(runs).toContain(
      '--mount=type=cache,target=/root/.npm npm ci --omit=dev --no-audit --no-fund',
    );
    const copies = runtime.filter((i) => i.keyword === 'COPY').map((i) => i.args);
    expect(copies).toEqual([
      '--from=prod-deps /src/node_modules ./node_modules',
      '--from=build /src/dist ./dist',
      'package.json ./',
    ]);
  });

  it('runs as the unprivileged node user', () => {
    const users = runtime.filter((i) => i.keyword === 'USER').map((i) => i.args);
    expect(users).toEqual(['node']);
  });

  it('selects the app with APP, defaulting to the gateway', () => {
    expect(runtime.map((i) => `${i.keyword} ${i.args}`)).toEqual(
      expect.arrayContaining(['ARG APP=api-gateway', 'ENV NODE_ENV=production APP=${APP}']),
    );
  });

  it('starts the main.js that tsc emits for apps/<app>/src/main.ts', () => {
    const main = compiledPath('apps/$APP/src/main.ts');
    expect(main).toBe('dist/apps/$APP/src/main.js');
    expect(all('CMD')).toEqual([`["sh", "-c", "exec node ${main}"]`]);
  });

  it('health-checks with the compiled probe script', () => {
    const script = compiledPath('libs/config/src/healthcheck.ts');
    expect(existsSync(join(ROOT, 'libs/config/src/healthcheck.ts'))).toBe(true);
    expect(all('HEALTHCHECK')).toEqual([
      `--interval=10s --timeout=5s --start-period=30s --retries=3 CMD ["node", "${script}"]`,
    ]);
  });

  it('copies only what the build needs, none of which .dockerignore drops', () => {
    const ignored = readRepoFile('.dockerignore')
      .split('\n')
      .filter((line) => line.trim() !== '' && !line.startsWith('#'));
    const sources = all('COPY')
      .filter((args) => !args.startsWith('--from'))
      .flatMap((args) => args.split(' ').slice(0, -1));
    expect([...new Set(sources)].sort()).toEqual(
      [
        'apps',
        'libs',
        'package-lock.json',
        'package.json',
        'tsconfig.build.json',
        'tsconfig.json',
      ].sort(),
    );
    for (const source of sources)
      expect([source, ignored.includes(source)]).toEqual([source, false]);
    expect(ignored).toEqual(
      expect.arrayContaining(['node_modules', 'dist', '.git', '**/*.spec.ts']),
    );
  });
});
