import fc from 'fast-check';
import type { JobDiff, ObjectDiff } from '..';
import { jobDiff } from '..';
import { aJobSpec } from './job-diff.fixtures';

// Given any job, when diffed against an identical copy, then nothing anywhere is changed.

function types(diff: JobDiff): string[] {
  const objects = (list: ObjectDiff[] | null): string[] =>
    (list ?? []).flatMap((o) => [
      o.Type,
      ...(o.Fields ?? []).map((f) => f.Type),
      ...objects(o.Objects),
    ]);
  return [
    diff.Type,
    ...(diff.Fields ?? []).map((f) => f.Type),
    ...objects(diff.Objects),
    ...(diff.TaskGroups ?? []).flatMap((g) => [
      g.Type,
      ...(g.Fields ?? []).map((f) => f.Type),
      ...objects(g.Objects),
      ...(g.Tasks ?? []).flatMap((t) => [
        t.Type,
        ...(t.Fields ?? []).map((f) => f.Type),
        ...objects(t.Objects),
      ]),
    ]),
  ];
}

const word = fc.stringMatching(/^[a-z][a-z0-9]{0,6}$/);

const aJobInput = fc.record({
  Priority: fc.integer({ min: 1, max: 100 }),
  Datacenters: fc.uniqueArray(word, { minLength: 1, maxLength: 4 }),
  Meta: fc.dictionary(word, word, { maxKeys: 4 }),
  Constraints: fc.array(
    fc.record({ LTarget: word, RTarget: word, Operand: fc.constantFrom('=', '!=') }),
    {
      maxLength: 3,
    },
  ),
  count: fc.integer({ min: 0, max: 9 }),
  env: fc.dictionary(word, word, { maxKeys: 4 }),
  image: word,
});

it('diff(a, a) is None everywhere, with or without context', () => {
  fc.assert(
    fc.property(aJobInput, fc.boolean(), (input, contextual) => {
      const build = () =>
        aJobSpec({
          Priority: input.Priority,
          Datacenters: input.Datacenters,
          Meta: input.Meta,
          Constraints: input.Constraints,
          TaskGroups: [
            {
              Name: 'web',
              Count: input.count,
              Tasks: [
                { Name: 'app', Driver: 'docker', Config: { image: input.image }, Env: input.env },
              ],
            },
          ],
        });
      const diff = jobDiff(build(), build(), contextual);
      expect(new Set(types(diff))).toEqual(new Set(['None']));
      if (!contextual) expect(diff.TaskGroups).toBeNull();
    }),
  );
});
