import { ev, openArena, to, type Arena } from './adversarial.int-fixture';

// ATTACK (guarantee 6, "in order"; and guarantee 1's meaning for Nomad indexes): the sequencer
// orders committed events by (transaction id, position). A transaction id is assigned at a
// transaction's FIRST write, but a stream's positions are handed out in the order writers take
// the stream's row lock. A transaction that got its id early and reached the stream late
// therefore takes the stream's NEXT position but an EARLIER log index: within one stream, log
// order and stream order disagree (readLog delivers S@2 before S@1; ModifyIndex goes backwards).

describe('adversarial: log order versus stream order', () => {
  let arena: Arena;
  beforeEach(async () => {
    arena = await openArena();
  });
  afterEach(async () => arena.close());

  it("an older transaction that reaches a stream second is logged before the stream's first event", async () => {
    const store = await arena.open({ indexTimeoutMs: 10_000 });
    let proceed!: () => void;
    const gate = new Promise<void>((r) => (proceed = r));
    let firstWriteDone!: () => void;
    const firstWrite = new Promise<void>((r) => (firstWriteDone = r));

    // T1: writes stream A (gets its transaction id now), then waits, then appends stream S.
    // S was meanwhile written by a newer transaction: the store refuses T1's append to S with
    // STREAM_ORDER_CONFLICT, and T1 runs again as a caller of transaction() must.
    let conflicts = 0;
    const runT1 = async (): Promise<void> => {
      try {
        await store.transaction(async (tx) => {
          await tx.append(to('A', [ev('T1-A')]));
          firstWriteDone();
          await gate;
          await tx.append(to('S', [ev('T1-S')], 'any'));
        });
      } catch (error) {
        if ((error as { code?: string }).code !== 'STREAM_ORDER_CONFLICT') throw error;
        conflicts++;
        return runT1();
      }
    };
    const t1 = runT1();
    await firstWrite;
    // T2: a plain append to S, younger transaction id, commits first: S@1.
    const t2 = store.append(to('S', [ev('T2-S')], 'no_stream'));
    await waitUntilCommitted(arena, 'T2-S');
    proceed(); // T1 now appends S@2 and commits
    await t1;
    const r2 = await t2;

    const s = await store.readStream('S');
    const log = await store.readLog(0, 10);
    const summary = {
      stream: s.events.map((e) => `${e.type}@${e.streamPosition}#${e.logIndex}`),
      log: log.map((e) => `${e.type}@${e.streamPosition}`),
      t2Told: r2.firstIndex,
    };
    // Observed: stream [T2-S@1#3, T1-S@2#2], log [T1-A@1, T1-S@2, T2-S@1]
    expect(summary.log.filter((x) => x.includes('-S'))).toEqual(['T2-S@1', 'T1-S@2']);
    expect(conflicts).toBe(1);
  });

  it('happens under ordinary concurrent multi-stream appends too (groups of several commands)', async () => {
    const a = await arena.open({ poolSize: 4, appendConcurrency: 4 });
    const writer = async (w: number) => {
      for (let i = 0; i < 25; i++)
        await a.append([to(`own-${w}`, [ev()]), to(`hot-${i % 2}`, [ev()])]);
    };
    await Promise.all(Array.from({ length: 8 }, (_, w) => writer(w)));
    const { rows } = await arena.admin.query<{ bad: number }>(
      `select count(*)::int as bad from (
         select e.stream_position,
                lag(e.stream_position) over (partition by e.stream_id order by l.log_index) as prev
         from es_events e join es_log l using (global_position)) x
       where prev is not null and stream_position <> prev + 1`,
    );
    expect(rows[0]!.bad).toBe(0);
  }, 30_000);
});

async function waitUntilCommitted(arena: Arena, type: string): Promise<void> {
  for (;;) {
    const { rows } = await arena.admin.query('select 1 from es_events where type = $1', [type]);
    if (rows.length > 0) return;
    await new Promise((r) => setTimeout(r, 10));
  }
}
