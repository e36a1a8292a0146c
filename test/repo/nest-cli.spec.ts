import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// nest-cli.json in monorepo mode must know every app and lib, so `nest build <app>` and the
// Nest tooling see the repository as it is. Reads files only.

const ROOT = join(__dirname, '..', '..');

interface NestProject {
  type: 'application' | 'library';
  root: string;
  sourceRoot: string;
  entryFile: string;
  compilerOptions?: { tsConfigPath?: string };
}

const config = JSON.parse(readFileSync(join(ROOT, 'nest-cli.json'), 'utf8')) as {
  monorepo: boolean;
  compilerOptions: { builder?: string; webpack?: boolean };
  projects: Record<string, NestProject>;
};
const projects = Object.values(config.projects);

const folders = (dir: string): string[] =>
  readdirSync(join(ROOT, dir), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `${dir}/${entry.name}`);

// libs/domain is a folder of bounded contexts, each its own lib (@caravan/domain/<context>).
const libFolders = folders('libs').flatMap((lib) =>
  lib === 'libs/domain' ? folders('libs/domain') : [lib],
);

const rootsOf = (type: NestProject['type']) =>
  projects
    .filter((p) => p.type === type)
    .map((p) => p.root)
    .sort();

describe('nest-cli.json', () => {
  it('is in monorepo mode, building with tsc (no webpack bundle)', () => {
    expect(config.monorepo).toBe(true);
    expect(config.compilerOptions).toMatchObject({ builder: 'tsc', webpack: false });
  });

  it('declares every folder under apps/ as an application', () => {
    expect(rootsOf('application')).toEqual(folders('apps').sort());
  });

  it('declares every folder under libs/ (each domain context) as a library', () => {
    expect(rootsOf('library')).toEqual(libFolders.sort());
  });

  it.each(projects.map((p) => [p.root, p] as const))(
    '%s points at files that exist',
    (_root, project) => {
      expect(project.sourceRoot).toBe(`${project.root}/src`);
      expect(existsSync(join(ROOT, project.sourceRoot, `${project.entryFile}.ts`))).toBe(true);
      if (project.type === 'application') {
        expect(project.entryFile).toBe('main');
        const tsconfig = project.compilerOptions?.tsConfigPath ?? '';
        expect(tsconfig).toBe(`${project.root}/tsconfig.app.json`);
        expect(existsSync(join(ROOT, tsconfig))).toBe(true);
      } else {
        expect(project.entryFile).toBe('index');
      }
    },
  );
});
