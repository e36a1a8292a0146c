import { Client } from 'pg';
import { LeaderElection } from '@caravan/event-store';
import { createTestDatabase, TestDatabase, waitFor } from '@caravan/testkit';

describe('leader election', () => {
  let db: TestDatabase | undefined;
  const elections: LeaderElection[] = [];
  afterEach(async () => {
    await Promise.all(elections.splice(0).map((e) => e.stop()));
    await db?.drop();
  });

  function campaign(name: string, log: string[], who: string, retryMs = 50): LeaderElection {
    const election = new LeaderElection(db!.url, name, { retryMs });
    elections.push(election);
    election.start(async (signal) => {
      log.push(`${who}:elected`);
      await new Promise((resolve) => signal.addEventListener('abort', resolve));
      log.push(`${who}:deposed`);
    });
    return election;
  }

  it('elects one leader at a time and fails over when its connection dies', async () => {
    db = await createTestDatabase();
    const log: string[] = [];
    // a campaigns again only after 3 s, so the failover is b's to win (a process that died
    // would not campaign at all); a still notices at once, from its connection's error.
    const a = campaign('duty', log, 'a', 3000);
    await waitFor(() => a.isLeader, { message: 'a never elected' });
    const b = campaign('duty', log, 'b');
    await new Promise((r) => setTimeout(r, 300));
    expect(b.isLeader).toBe(false);

    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    await admin.query(
      `select pg_terminate_backend(pid) from pg_locks where locktype = 'advisory' and granted and database =
       (select oid from pg_database where datname = current_database())`,
    );
    await admin.end();

    await waitFor(() => b.isLeader, { message: 'b never took over' });
    await waitFor(() => log.includes('a:deposed'), { message: 'a never noticed' });
    expect(log.filter((l) => l.endsWith('elected'))).toEqual(['a:elected', 'b:elected']);
  }, 30_000);

  it('a leader whose lease connection hangs is deposed promptly, not forever', async () => {
    db = await createTestDatabase();
    const log: string[] = [];
    const a = campaign('frozen', log, 'a', 200);
    await waitFor(() => a.isLeader, { message: 'a never elected' });
    // Freeze the lease's backend: its watchdog query now hangs, as on a half-open connection.
    const admin = new Client({ connectionString: db.url });
    await admin.connect();
    const { rows } = await admin.query<{ pid: number }>(
      `select pid from pg_stat_activity where application_name = 'caravan-leader:frozen'`,
    );
    const pid = rows[0]!.pid;
    process.kill(pid, 'SIGSTOP');
    try {
      // The watchdog's query times out after 2 x retryMs (at least 1 s): well inside 5 s.
      await waitFor(() => log.includes('a:deposed'), {
        timeoutMs: 5000,
        message: 'a hung leader kept its duty',
      });
    } finally {
      process.kill(pid, 'SIGCONT');
      await admin.end();
    }
  }, 30_000);

  it('separate names elect separately', async () => {
    db = await createTestDatabase();
    const log: string[] = [];
    const a = campaign('one', log, 'a');
    const b = campaign('two', log, 'b');
    await waitFor(() => a.isLeader && b.isLeader, { message: 'both should lead their own duty' });
  });
});
