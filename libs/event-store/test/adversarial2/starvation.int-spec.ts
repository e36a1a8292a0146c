import { randomBytes } from 'node:crypto';
import { ev, openArena, streamTruth, to, type Arena } from '../adversarial/adversarial.int-fixture';

// ROUND 2 ATTACK on the stream-order requeue (append-batcher.ts, MAX_ORDER_ATTEMPTS = 8).
// A command takes its transaction id at its first write. If writing its first stream takes
// longer than the gap between two writes of its LAST stream by other transactions, then on
// every attempt a newer transaction has written that stream by the time the command gets there:
// CR003 on every attempt, and the caller receives STREAM_ORDER_CONFLICT although the append was
// plain 'any'. Nothing here is exotic: a command with a large first stream (a job with many
// allocations) next to a stream that other writers touch often (a node, a deployment).

describe('adversarial2: stream-order starvation', () => {
  let arena: Arena;
  beforeEach(async () => {
    arena = await openArena();
  });
  afterEach(async () => arena.close(), 20_000);

  it('T1: a slow multi-stream command never gets in while its last stream is busy', async () => {
    const hot = await arena.open({ poolSize: 4, appendConcurrency: 2 });
    const victimStore = await arena.open({ poolSize: 4, appendConcurrency: 2 });
    await hot.append(to('hot', [ev()]));
    let stop = false;
    const writers = Array.from({ length: 3 }, async () => {
      while (!stop) await hot.append(to('hot', [ev()]));
    });
    const big = () =>
      Array.from({ length: 300 }, () => ev('Big', { blob: randomBytes(6000).toString('base64') }));
    const started = Date.now();
    const victim = victimStore
      .append([to('mine', big(), 'no_stream'), to('hot', [ev('Victim')], 'any')])
      .then(
        () => 'fulfilled',
        (e: { code?: string }) => `rejected: ${e.code}`,
      );
    const outcome = await victim;
    const tookMs = Date.now() - started;
    stop = true;
    await Promise.all(writers);
    console.log(
      JSON.stringify({ outcome, tookMs, mine: (await streamTruth(arena.admin, 'mine')).version }),
    );
    // README: "group commit does this itself"; an 'any' append is not the caller's conflict.
    expect(outcome).toBe('fulfilled');
  }, 30_000);
});
