import { knownVariables } from '@caravan/config';
import { readRepoFile } from './deploy-files';

// libs/config/README.md's table is copied into the top README: it must list exactly the
// variables the schemas read.
describe('libs/config/README.md', () => {
  it('documents every variable the apps read, and no others', () => {
    const documented = [
      ...readRepoFile('libs/config/README.md').matchAll(/^\| `([A-Z_]+)` \|/gm),
    ].map((match) => match[1]);
    expect([...documented].sort()).toEqual(knownVariables().sort());
  });
});
