import { randomUUID } from 'node:crypto';
import type { StreamAppend } from '@caravan/event-store';
import { mismatches, type Acknowledged } from '../append-truth.int-fixture';
import { ev, openArena, streamTruth, to, type Arena } from './adversarial.int-fixture';

// ATTACK (guarantee 4): es_append_group's EXCEPTION block catches only CR001, unique_violation
// (23505) and data_exception (class 22). Any other error a single command can raise aborts the
// whole transaction, and the batcher then fails every command of the group with it.

describe('adversarial: one bad command in a group', () => {
  let arena: Arena;
  beforeEach(async () => {
    arena = await openArena();
  });
  afterEach(async () => arena.close());

  const nested = (depth: number): unknown => {
    let v: unknown = 0;
    for (let i = 0; i < depth; i++) v = [v];
    return v;
  };

  const circular = (): unknown => {
    const o: Record<string, unknown> = { a: 1 };
    o.self = o;
    return o;
  };

  const badCommands: [string, () => StreamAppend][] = [
    // 54000 program_limit_exceeded: index row size exceeds btree maximum 2704
    ['a stream id too long for the index (54000)', () => to(randomHex(8000), [ev()])],
    // 23502 not_null_violation: data is `unknown`, undefined is dropped by stringifyJson
    [
      'an event with data: undefined (23502)',
      () => to('undef-data', [{ id: randomUUID(), type: 'T', data: undefined }]),
    ],
    // Not even PostgreSQL: commandText() throws in the batcher for the whole group (TypeError)
    ['a payload JSON cannot serialise (circular)', () => to('circ', [ev('Circ', circular())])],
    ['a payload JSON cannot serialise (too deep)', () => to('deep', [ev('Deep', nested(100_000))])],
  ];

  it.each(badCommands)('%s fails alone; its group commits', async (_what, bad) => {
    const store = await arena.open({ appendConcurrency: 1 });
    const z = store.append(to('z', [ev()]));
    const good1 = [ev()];
    const good2 = [ev()];
    const attempts = [
      store.append(to('good-1', good1)),
      store.append(bad()),
      store.append(to('good-2', good2)),
    ];
    const [zOutcome, ...settled] = await Promise.allSettled([z, ...attempts]);
    expect(zOutcome.status).toBe('fulfilled');
    const summary = settled.map((s) =>
      s.status === 'fulfilled' ? 'ok' : String((s.reason as Error).message).slice(0, 90),
    );
    // bad must reject; the two good commands must resolve.
    expect(settled[1]!.status).toBe('rejected');
    // Observed: both good commands reject with the bad command's error.
    expect([summary[0], summary[2]]).toEqual(['ok', 'ok']);
    const acknowledged: Acknowledged[] = [
      { events: good1, result: (settled[0] as PromiseFulfilledResult<never>).value },
      { events: good2, result: (settled[2] as PromiseFulfilledResult<never>).value },
    ];
    expect(await mismatches(arena.db.url, acknowledged)).toEqual([]);
    expect((await streamTruth(arena.admin, 'good-1')).version).toBe(1);
  });
});

function randomHex(n: number): string {
  let s = '';
  while (s.length < n) s += randomUUID().replace(/-/g, '');
  return s.slice(0, n);
}
