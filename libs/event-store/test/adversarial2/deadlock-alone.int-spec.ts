import { ev, openArena, to, type Arena } from '../adversarial/adversarial.int-fixture';

// ROUND 2 ATTACK: a deadlock between two single-command groups. settleFailedGroup retries a
// deadlocked command alone only when its group had more than one command; a command that was
// already alone gets PostgreSQL's raw 40P01 DatabaseError (no store error type, no code the
// gateway knows), although it is exactly the transient condition group commit claims to absorb.

describe('adversarial2: deadlock of commands that are already alone', () => {
  let arena: Arena;
  beforeEach(async () => {
    arena = await openArena();
  });
  afterEach(async () => arena.close(), 20_000);

  it('D1: [s1, s2] and [s2, s1] appended concurrently: the loser gets a raw 40P01', async () => {
    const store = await arena.open({ appendConcurrency: 2 });
    // Widen the window: inserting an event of type Slow sleeps 300 ms (holding its stream's row).
    await arena.admin.query(`
      create function adv_slow() returns trigger language plpgsql as $$
      begin if new.type = 'Slow' then perform pg_sleep(0.3); end if; return new; end $$;
      create trigger adv_slow before insert on es_events for each row execute function adv_slow();`);
    const a = store.append([to('s1', [ev('Slow')]), to('s2', [ev()])]);
    const b = store.append([to('s2', [ev('Slow')]), to('s1', [ev()])]);
    const results = await Promise.allSettled([a, b]);
    const codes = results.map((r) =>
      r.status === 'fulfilled' ? 'ok' : String((r.reason as { code?: string }).code),
    );
    console.log(JSON.stringify(codes));
    expect(codes).not.toContain('40P01');
  });
});
