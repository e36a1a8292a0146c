import { dirname, join, relative } from 'node:path';
import ts from 'typescript';

// The production build (`npm run build`, tsconfig.build.json) compiles shipping code only:
// no specs, fixtures or test helpers end up in dist/. Reads the config and the file list
// TypeScript derives from it; nothing is compiled. (That no shipping file imports test code,
// which would pull it back in, is a dependency-cruiser rule in npm run lint.)

const ROOT = join(__dirname, '..', '..');

function buildFiles(): string[] {
  const path = join(ROOT, 'tsconfig.build.json');
  const parsed = ts.getParsedCommandLineOfConfigFile(path, undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    },
  });
  if (parsed === undefined) throw new Error(`cannot read ${path}`);
  return parsed.fileNames.map((file) => relative(dirname(path), file));
}

describe('tsconfig.build.json', () => {
  const files = buildFiles();

  it('compiles the apps and libs', () => {
    expect(files).toContain('apps/caravan/src/main.ts');
    expect(files).toContain('libs/filter/src/index.ts');
  });

  it.each([
    ['fixtures', /\.(int-)?fixtures?\.ts$/],
    ['specs', /\.(int-|e2e-)?spec\.ts$/],
    ["libs' test folders", /^libs\/.+\/test\//],
    ['the testkit', /^libs\/testkit\//],
  ])('leaves out %s', (_what, pattern) => {
    expect(files.filter((file) => pattern.test(file))).toEqual([]);
  });
});
