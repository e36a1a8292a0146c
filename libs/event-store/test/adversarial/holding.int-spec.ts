import { Client } from 'pg';
import type {
  AppendResult,
  NewEvent,
  PostgresEventStore,
  StreamAppend,
} from '@caravan/event-store';
import { mismatches, type Acknowledged } from '../append-truth.int-fixture';
import {
  ev,
  eventCount,
  guardCheckedOutClients,
  openArena,
  to,
  type Arena,
} from './adversarial.int-fixture';

// Attacks that the store withstood: every one asserts the claimed guarantees directly.
//  - two store instances with small pools, a sweeper racing passes, readers of pending streams,
//    commands appending one stream twice, conflicts beside successes in 32-command groups, and
//    expected-version races (exactly one winner);
//  - a storm of pg_cancel_backend / pg_terminate_backend on random active store backends, with
//    triggers widening the windows before and after COMMIT;
//  - store.close() with appends in flight.

interface Outcome {
  events: NewEvent[];
  result?: AppendResult;
  error?: unknown;
}

const EXPLICITLY_UNKNOWN = new Set(['INDEX_WAIT_TIMEOUT', 'APPEND_OUTCOME_UNKNOWN']);

async function checkOutcomes(arena: Arena, outcomes: Outcome[]): Promise<string[]> {
  const problems: string[] = [];
  const acknowledged: Acknowledged[] = outcomes.flatMap((o) =>
    o.result ? [{ events: o.events, result: o.result }] : [],
  );
  problems.push(...(await mismatches(arena.db.url, acknowledged)));
  for (const o of outcomes) {
    if (o.result) continue;
    const code = (o.error as { code?: string }).code ?? '';
    if (EXPLICITLY_UNKNOWN.has(code)) continue;
    const n = await eventCount(
      arena.admin,
      o.events.map((e) => e.id),
    );
    if (n > 0) problems.push(`rejected (${String(o.error)}) but wrote ${n} events`);
  }
  return problems;
}

async function checkLog(admin: Client): Promise<string[]> {
  const problems: string[] = [];
  const { rows } = await admin.query<{ log_index: string; global_position: string }>(
    'select log_index, global_position from es_log order by log_index',
  );
  rows.forEach((r, k) => {
    if (Number(r.log_index) !== k + 1) problems.push(`gap at ${k + 1}: ${r.log_index}`);
  });
  const events = await admin.query<{ n: string }>('select count(*) as n from es_events');
  if (Number(events.rows[0]!.n) !== rows.length)
    problems.push(`${events.rows[0]!.n} events but ${rows.length} stamps`);
  // (Stream order versus log order is NOT checked here: see stream-order.int-spec.ts.)
  return problems;
}

describe('adversarial: attacks the store withstood', () => {
  let arena: Arena;
  beforeEach(async () => {
    arena = await openArena();
  });
  afterEach(async () => arena.close());

  it('two stores, pools of 2, sweeper, readers, doubled streams, 32-command groups, races', async () => {
    const a = await arena.open({ poolSize: 2, appendConcurrency: 4, indexTimeoutMs: 20_000 });
    const b = await arena.open({ poolSize: 2, appendConcurrency: 2, indexTimeoutMs: 20_000 });
    const outcomes: Outcome[] = [];
    const readFailures: unknown[] = [];
    let running = true;
    const record = async (store: PostgresEventStore, appends: StreamAppend[]) => {
      const events = appends.flatMap((x) => x.events);
      await store.append(appends).then(
        (result) => outcomes.push({ events, result }),
        (error: unknown) => outcomes.push({ events, error }),
      );
    };
    // Writers: a stream appended twice in one command, plus a shared stream.
    const writer = async (w: number) => {
      const store = w % 2 ? a : b;
      for (let i = 0; i < 25; i++) {
        await record(store, [
          to(`w-${w}`, [ev()]),
          to(`w-${w}`, [ev(), ev()]),
          to(`shared-${i % 3}`, [ev()]),
        ]);
      }
    };
    // Bursts of 40 commands (groups of 32 + 8), one in four with a stale expected version.
    const burst = async (k: number) => {
      const store = k % 2 ? a : b;
      await Promise.all(
        Array.from({ length: 40 }, (_, j) =>
          record(store, [
            to(`burst-${k}-${j}`, [ev()], j % 4 === 0 ? 5 : 'any'),
            to(`bs-${j % 5}`, [ev()]),
          ]),
        ),
      );
    };
    // Races: 6 contenders from both stores, same expected version; exactly one may win.
    const winners: number[] = [];
    const race = async (r: number) => {
      await a.append(to(`race-${r}`, [ev()], 'no_stream'));
      const results = await Promise.allSettled(
        Array.from({ length: 6 }, (_, c) => (c % 2 ? a : b).append(to(`race-${r}`, [ev()], 1))),
      );
      winners.push(results.filter((x) => x.status === 'fulfilled').length);
    };
    const sweeper = async () => {
      while (running) {
        await a.sequencePending().catch(() => 0);
        await b.sequencePending().catch(() => 0);
      }
    };
    const reader = async (r: number) => {
      while (running) {
        const s = await (r % 2 ? a : b).readStream(`shared-${r % 3}`).catch((e: unknown) => {
          readFailures.push(e);
          return null;
        });
        if (s) {
          const positions = s.events.map((e) => e.streamPosition);
          if (positions.some((p, k) => p !== k + 1)) readFailures.push('stream positions gap');
          if (s.events.some((e) => typeof e.logIndex !== 'number')) readFailures.push('no index');
        }
      }
    };
    const bg = [sweeper(), reader(0), reader(1), reader(2)];
    await Promise.all([
      ...Array.from({ length: 6 }, (_, w) => writer(w)),
      ...Array.from({ length: 4 }, (_, k) => burst(k)),
      ...Array.from({ length: 8 }, (_, r) => race(r)),
    ]);
    running = false;
    await Promise.all(bg);

    expect(readFailures.map(String)).toEqual([]);
    expect(winners).toEqual(Array(8).fill(1));
    const failed = outcomes.filter((o) => o.error);
    // Only the stale expected versions fail, with WRONG_EXPECTED_VERSION.
    expect(failed.length).toBe(40);
    expect(new Set(failed.map((o) => (o.error as { code: string }).code))).toEqual(
      new Set(['WRONG_EXPECTED_VERSION']),
    );
    expect(await checkOutcomes(arena, outcomes)).toEqual([]);
    expect(await checkLog(arena.admin)).toEqual([]);
  }, 60_000);

  it.each(['pg_cancel_backend', 'pg_terminate_backend'])(
    'a storm of %s on the store backends: acknowledgements stay true',
    async (fn) => {
      const store = await arena.open({ poolSize: 6, appendConcurrency: 3, indexTimeoutMs: 8_000 });
      guardCheckedOutClients(store); // see checked-out-client-error.int-spec.ts
      // Widen the windows before COMMIT (es_events inserts) and after it (the pass).
      await arena.admin.query(`
        create function adv_slow() returns trigger language plpgsql as $$
        begin perform pg_sleep(0.004); return null; end $$;
        create trigger adv_slow_events after insert on es_events
          for each statement execute function adv_slow();
        create trigger adv_slow_log after insert on es_log
          for each statement execute function adv_slow();`);
      const outcomes: Outcome[] = [];
      let running = true;
      const storm = (async () => {
        let cuts = 0;
        while (running) {
          const { rows } = await arena.admin.query(
            `select ${fn}(pid) from pg_stat_activity
             where datname = current_database() and application_name = 'caravan-event-store'
               and state = 'active' and random() < 0.3`,
          );
          cuts += rows.length;
          await new Promise((r) => setTimeout(r, 10 + Math.random() * 20));
        }
        return cuts;
      })();
      const winners: number[] = [];
      const writer = async (w: number) => {
        for (let i = 0; i < 30; i++) {
          const appends = [to(`s-${w}`, [ev(), ev()]), to(`t-${i % 4}`, [ev()])];
          const events = appends.flatMap((x) => x.events);
          await store.append(appends).then(
            (result) => outcomes.push({ events, result }),
            (error: unknown) => outcomes.push({ events, error }),
          );
        }
      };
      const race = async (r: number) => {
        const contenders = Array.from({ length: 4 }, () => to(`race-${r}`, [ev()], 'no_stream'));
        const results = await Promise.allSettled(contenders.map((c) => store.append(c)));
        results.forEach((x, k) =>
          outcomes.push({
            events: contenders[k]!.events,
            ...(x.status === 'fulfilled' ? { result: x.value } : { error: x.reason }),
          }),
        );
        winners.push(results.filter((x) => x.status === 'fulfilled').length);
      };
      await Promise.all([
        ...Array.from({ length: 6 }, (_, w) => writer(w)),
        ...Array.from({ length: 10 }, (_, r) => race(r)),
      ]);
      running = false;
      const cuts = await storm;
      await arena.admin.query(
        'drop trigger adv_slow_events on es_events; drop trigger adv_slow_log on es_log',
      );
      await store.sequencePending();

      const codes = outcomes.map((o) =>
        o.result
          ? 'ok'
          : String((o.error as { code?: string }).code ?? (o.error as Error).message).slice(0, 40),
      );
      console.log(
        fn,
        'cuts',
        cuts,
        JSON.stringify(
          codes.reduce<Record<string, number>>((m, c) => ((m[c] = (m[c] ?? 0) + 1), m), {}),
        ),
      );
      expect(cuts).toBeGreaterThan(5);
      expect(winners.every((n) => n <= 1)).toBe(true);
      // The winner may have been cut; then no one won but its events must be absent.
      for (let r = 0; r < 10; r++) {
        const { rows } = await arena.admin.query(
          'select count(*)::int as n from es_events where stream_id = $1',
          [`race-${r}`],
        );
        expect(rows[0].n).toBeLessThanOrEqual(1);
      }
      expect(await checkOutcomes(arena, outcomes)).toEqual([]);
      expect(await checkLog(arena.admin)).toEqual([]);
    },
    60_000,
  );

  it('store.close() with appends in flight: no false acknowledgement, no silent write', async () => {
    const store = await arena.open({ poolSize: 3, appendConcurrency: 2, indexTimeoutMs: 2_000 });
    const outcomes: Outcome[] = [];
    const pending = Array.from({ length: 60 }, async (_, k) => {
      const events = [ev(), ev()];
      await store.append(to(`c-${k % 7}`, events)).then(
        (result) => outcomes.push({ events, result }),
        (error: unknown) => outcomes.push({ events, error }),
      );
    });
    await new Promise((r) => setTimeout(r, 15));
    await store.close();
    await Promise.all(pending);
    console.log(
      'close',
      outcomes.filter((o) => o.result).length,
      'resolved,',
      outcomes
        .filter((o) => o.error)
        .map((o) => String((o.error as Error).message).slice(0, 50))
        .filter((v, i, a) => a.indexOf(v) === i),
    );
    const sweeper = await arena.open();
    await sweeper.sequencePending();
    expect(await checkOutcomes(arena, outcomes)).toEqual([]);
    expect(await checkLog(arena.admin)).toEqual([]);
  }, 30_000);
});
