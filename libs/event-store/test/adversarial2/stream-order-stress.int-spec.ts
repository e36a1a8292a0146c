import { PostgresEventStore, type StreamAppend } from '@caravan/event-store';
import { ev, openArena, to, type Arena } from '../adversarial/adversarial.int-fixture';

// ROUND 2 ATTACKS on the stream-order check (CR003) and its requeue (append-batcher.ts), run
// as one bounded stress over two store instances, checking every guarantee against es_log:
//  - a command [hot-a, hot-b] takes its transaction id, then waits for hot-a's row lock; every
//    writer of hot-b with a newer id that commits meanwhile makes it CR003. After 8 attempts
//    the caller gets STREAM_ORDER_CONFLICT, an error the README says group commit absorbs.
//  - every resolved append equals es_log; every rejected one wrote nothing; exactly one
//    winner per exact expected version; log order never contradicts stream order;
//  - the queue never exceeds maxQueuedAppends.

type Outcome =
  | { ok: true; appends: StreamAppend[]; versions: number[]; first: number; last: number }
  | { ok: false; appends: StreamAppend[]; code: string; message: string };

const RUN_MS = 6_000;

describe('adversarial2: stream order under contention', () => {
  let arena: Arena;
  beforeEach(async () => {
    arena = await openArena();
  });
  afterEach(async () => arena.close(), 20_000);

  it('S1: hot multi-stream appends across two stores', async () => {
    const MAX_QUEUED = 6;
    const stores = [
      await arena.open({ poolSize: 6, appendConcurrency: 4, maxQueuedAppends: MAX_QUEUED }),
      await arena.open({ poolSize: 6, appendConcurrency: 4, maxQueuedAppends: MAX_QUEUED }),
    ];
    const outcomes: Outcome[] = [];
    let maxSeenQueue = 0;
    const sampler = setInterval(() => {
      for (const s of stores) maxSeenQueue = Math.max(maxSeenQueue, s.queuedAppends);
    }, 1);
    const until = Date.now() + RUN_MS;

    const run = async (store: PostgresEventStore, make: () => StreamAppend[]): Promise<void> => {
      while (Date.now() < until) {
        const appends = make();
        try {
          const r = await store.append(appends);
          outcomes.push({
            ok: true,
            appends,
            versions: r.streamVersions,
            first: r.firstIndex,
            last: r.lastIndex,
          });
        } catch (e) {
          const err = e as { code?: string; message?: string };
          outcomes.push({
            ok: false,
            appends,
            code: String(err.code),
            message: String(err.message),
          });
          if (err.code === 'OVERLOADED') await new Promise((r) => setTimeout(r, 2));
        }
      }
    };
    // Exact-version writers on 'cas': read the version, append expecting it (together with hot-a).
    const casWriter = async (store: PostgresEventStore): Promise<void> => {
      while (Date.now() < until) {
        const v = (await store.readStream('cas')).version;
        const appends = [to('hot-a', [ev()]), to('cas', [ev('Cas')], v)];
        try {
          const r = await store.append(appends);
          outcomes.push({
            ok: true,
            appends,
            versions: r.streamVersions,
            first: r.firstIndex,
            last: r.lastIndex,
          });
        } catch (e) {
          const err = e as { code?: string; message?: string };
          outcomes.push({
            ok: false,
            appends,
            code: String(err.code),
            message: String(err.message),
          });
        }
      }
    };
    const jobs: Promise<void>[] = [];
    for (const store of stores) {
      for (let i = 0; i < 3; i++) jobs.push(run(store, () => [to('hot-b', [ev()])]));
      for (let i = 0; i < 2; i++) jobs.push(run(store, () => [to('hot-a', [ev()])]));
      for (let i = 0; i < 3; i++)
        jobs.push(run(store, () => [to('hot-a', [ev()]), to('hot-b', [ev()])]));
      jobs.push(casWriter(store));
    }
    await Promise.all(jobs);
    clearInterval(sampler);

    // --- check everything against the database
    const { rows } = await arena.admin.query<{
      id: string;
      stream_id: string;
      stream_position: string;
      log_index: string | null;
    }>(
      `select e.event_id::text as id, e.stream_id, e.stream_position, l.log_index
       from es_events e left join es_log l using (global_position)`,
    );
    const byId = new Map(rows.map((r) => [r.id, r]));
    const problems: string[] = [];
    const codes: Record<string, number> = {};
    const casWinners = new Map<number, number>();
    for (const o of outcomes) {
      const ids = o.appends.flatMap((a) => a.events.map((e) => e.id));
      if (!o.ok) {
        codes[o.code] = (codes[o.code] ?? 0) + 1;
        if (ids.some((id) => byId.has(id)))
          problems.push(`rejected ${o.code} but wrote ${ids.join(',')}`);
        continue;
      }
      const found = ids.map((id) => byId.get(id));
      if (found.some((f) => !f)) {
        problems.push(`resolved but missing ${ids.join(',')}`);
        continue;
      }
      const idx = found.map((f) => Number(f!.log_index));
      if (Math.min(...idx) !== o.first || Math.max(...idx) !== o.last)
        problems.push(`told ${o.first}..${o.last}, es_log ${idx.join(',')}`);
      o.appends.forEach((a, k) => {
        const pos = Math.max(...a.events.map((e) => Number(byId.get(e.id)!.stream_position)));
        if (pos !== o.versions[k])
          problems.push(`told version ${o.versions[k]}, stream holds ${pos}`);
        if (a.stream.id === 'cas' && typeof a.expectedVersion === 'number')
          casWinners.set(a.expectedVersion, (casWinners.get(a.expectedVersion) ?? 0) + 1);
      });
    }
    for (const [v, n] of casWinners) if (n !== 1) problems.push(`cas expected ${v}: ${n} winners`);
    const order = await arena.admin.query<{ bad: number }>(
      `select count(*)::int as bad from (
         select e.stream_position,
                lag(e.stream_position) over (partition by e.stream_id order by l.log_index) as prev
         from es_events e join es_log l using (global_position)) x
       where prev is not null and stream_position <> prev + 1`,
    );
    const gaps = await arena.admin.query<{ n: number; max: number }>(
      'select count(*)::int as n, coalesce(max(log_index),0)::int as max from es_log',
    );
    const summary = {
      appends: outcomes.length,
      resolved: outcomes.filter((o) => o.ok).length,
      codes,
      problems: problems.slice(0, 10),
      orderViolations: order.rows[0]!.bad,
      logGapless: gaps.rows[0]!.n === gaps.rows[0]!.max,
      maxSeenQueue,
    };
    console.log(JSON.stringify(summary));
    expect(summary.problems).toEqual([]);
    expect(summary.orderViolations).toBe(0);
    expect(summary.logGapless).toBe(true);
    // README: group commit retries stream-order conflicts itself; append() callers never see them.
    expect(codes['STREAM_ORDER_CONFLICT'] ?? 0).toBe(0);
    // maxQueuedAppends bounds the queue
    expect(maxSeenQueue).toBeLessThanOrEqual(MAX_QUEUED);
  }, 40_000);
});
