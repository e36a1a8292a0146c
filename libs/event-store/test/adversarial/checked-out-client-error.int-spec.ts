import type { PoolClient } from 'pg';
import { ev, openArena, to, type Arena } from './adversarial.int-fixture';

// ATTACK (process keeps working): the batcher checks a client out (pool.connect()) and awaits a
// promise query on it, with no 'error' listener of its own; pg-pool removes its idle listener on
// checkout. If the backend's FATAL ErrorResponse (pg_terminate_backend, server shutdown:
// 57P01) is parsed in the same socket read as the call's ReadyForQuery, the query has already
// completed (no active query) but the await continuation that releases the client has not run:
// pg's Client emits 'error' with no listener, which throws out of the socket handler: an
// uncaught exception that kills the process.
//
// Probabilistic: a terminator hammers the store's active backends while one writer appends.
// Without the guard below, jest reports "Unhandled error ... terminating connection due to
// administrator command" (in production: the process dies). `guarded` adds an 'error' listener
// to clients checked out with pool.connect() (the batcher's path) and counts what it catches.

describe('adversarial: FATAL on a checked-out batcher client', () => {
  let arena: Arena;
  beforeEach(async () => {
    arena = await openArena();
  });
  afterEach(async () => arena.close());

  const hammer = async (guard: boolean) => {
    const store = await arena.open({ poolSize: 4, appendConcurrency: 2, indexTimeoutMs: 5_000 });
    let caught = 0;
    if (guard) {
      const connect = store.pool.connect.bind(store.pool) as () => Promise<PoolClient>;
      (store.pool as unknown as { connect: unknown }).connect = (...args: unknown[]) => {
        if (args.length > 0) return (connect as (...a: unknown[]) => unknown)(...args);
        return connect().then((client) => {
          if (!(client as unknown as { advGuard?: boolean }).advGuard) {
            (client as unknown as { advGuard?: boolean }).advGuard = true;
            client.on('error', () => caught++);
          }
          return client;
        });
      };
    }
    let running = true;
    const terminator = (async () => {
      while (running) {
        await arena.admin.query(
          `select pg_terminate_backend(pid) from pg_stat_activity
           where datname = current_database() and application_name = 'caravan-event-store'
             and state = 'active'`,
        );
      }
    })();
    const deadline = Date.now() + 6_000;
    const writer = async () => {
      while (Date.now() < deadline) await store.append(to('s', [ev()])).catch(() => undefined);
    };
    await Promise.all([writer(), writer(), writer()]);
    running = false;
    await terminator;
    return caught;
  };

  it('unguarded: the process must survive a terminate storm', async () => {
    await hammer(false);
  }, 30_000);
});
