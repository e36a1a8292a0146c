import { consecutiveVersionDiffs } from '..';
import { aJobSpec, field } from './job-diff.fixtures';

// Given versions newest first, when diffed for /versions, then each diff goes older → newer.

const v0 = { ...aJobSpec({ Meta: { rev: '1' } }), Version: 0 };
const v1 = { ...aJobSpec({ Meta: { rev: '2' } }), Version: 1 };
const v2 = { ...aJobSpec({ Meta: { rev: '2' }, Priority: 70 }), Version: 2 };

describe('consecutiveVersionDiffs', () => {
  it.each([
    ['no versions', [], []],
    ['a single version', [v0], []],
  ])('%s: no diffs', (_name, versions, expected) => {
    expect(consecutiveVersionDiffs(versions)).toEqual(expected);
  });

  it('one diff per older version, from it to the next newer one', () => {
    const diffs = consecutiveVersionDiffs([v2, v1, v0]);
    expect(diffs.map((d) => [d.Type, d.ID, d.Fields])).toEqual([
      ['Edited', 'web', [field('Edited', 'Priority', '50', '70')]],
      ['Edited', 'web', [field('Edited', 'Meta[rev]', '1', '2')]],
    ]);
  });
});
