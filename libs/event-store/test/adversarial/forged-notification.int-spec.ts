import { ev, openArena, to, type Arena } from './adversarial.int-fixture';

// ATTACK (guarantee 7): parseHead accepts any safe integer, and LogIndexListener.advance() only
// ever moves the head forward. One well-formed but false notification {"h": 2^53-1}, which
// anyone with a connection may send on channel es_log, raises the remembered head for good;
// every real head after it is "not newer" and dropped, so onLogAdvanced never fires again
// (projector and messaging wake-ups fall back to their poll interval; index waiters lose their
// wake-up and fall back to the resolver's backoff).

describe('adversarial: a forged head on es_log', () => {
  let arena: Arena;
  beforeEach(async () => {
    arena = await openArena();
  });
  afterEach(async () => arena.close());

  it('control: onLogAdvanced fires for an append', async () => {
    const store = await arena.open();
    const heads: number[] = [];
    store.onLogAdvanced((h) => heads.push(h));
    const result = await store.append(to('s', [ev()]));
    await new Promise((r) => setTimeout(r, 500));
    expect(heads).toContain(result.lastIndex);
  });

  it('after {"h": 9007199254740991}, onLogAdvanced never reports a real head again', async () => {
    const store = await arena.open();
    const heads: number[] = [];
    store.onLogAdvanced((h) => heads.push(h));
    await arena.admin.query(`select pg_notify('es_log', '{"h": 9007199254740991}')`);
    await new Promise((r) => setTimeout(r, 300));
    const results = [];
    for (let i = 0; i < 3; i++) results.push(await store.append(to('s', [ev()])));
    await new Promise((r) => setTimeout(r, 500));
    expect(heads.filter((h) => h !== Number.MAX_SAFE_INTEGER)).toEqual(
      expect.arrayContaining([results[2]!.lastIndex]),
    );
  });
});
