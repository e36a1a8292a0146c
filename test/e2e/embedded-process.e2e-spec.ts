import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort, waitFor } from '@caravan/testkit';

// `npm start` as a user runs it: its own embedded PostgreSQL under CARAVAN_DATA_DIR, data kept
// across a restart, Ctrl-C stopping everything including PostgreSQL, bad settings refused.

const ROOT = resolve(__dirname, '../..');

function startCaravan(env: Record<string, string>): { child: ChildProcess; output: () => string } {
  const clean = { ...process.env };
  delete clean.DATABASE_URL;
  delete clean.KAFKA_BROKERS;
  const child = spawn(process.execPath, ['-r', '@swc-node/register', 'apps/caravan/src/main.ts'], {
    cwd: ROOT,
    env: { ...clean, CARAVAN_LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, output: () => output };
}

async function get(url: string): Promise<Response | null> {
  try {
    return await fetch(url);
  } catch {
    return null;
  }
}

describe('the embedded process (npm start)', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'caravan-embedded-'));
  });
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps its data across a restart and stops PostgreSQL on Ctrl-C', async () => {
    const port = await freePort();
    const env = {
      CARAVAN_DATA_DIR: dataDir,
      CARAVAN_HTTP_ADDR: `127.0.0.1:${port}`,
      CARAVAN_NODE_SIMULATOR_ID: 'restart',
    };
    const base = `http://127.0.0.1:${port}`;

    const first = startCaravan(env);
    await waitFor(async () => (await get(`${base}/v1/agent/health`))?.status === 200, {
      timeoutMs: 90_000,
      intervalMs: 250,
      message: `embedded caravan never became healthy:\n${first.output()}`,
    });
    const firstIndex = Number((await fetch(`${base}/v1/jobs`)).headers.get('x-nomad-index'));
    const pidFile = join(dataDir, 'postgres', 'postmaster.pid');
    expect(existsSync(pidFile)).toBe(true);

    first.child.kill('SIGINT');
    const [code] = (await once(first.child, 'exit')) as [number | null];
    expect(code).toBe(0);
    expect(existsSync(pidFile)).toBe(false);

    const second = startCaravan(env);
    try {
      await waitFor(async () => (await get(`${base}/v1/agent/health`))?.status === 200, {
        timeoutMs: 90_000,
        intervalMs: 250,
        message: `restarted caravan never became healthy:\n${second.output()}`,
      });
      // The same nodes re-registered idempotently: the log did not grow, the index is kept.
      const again = Number((await fetch(`${base}/v1/jobs`)).headers.get('x-nomad-index'));
      expect(again).toBe(firstIndex);
    } finally {
      second.child.kill('SIGINT');
      await once(second.child, 'exit');
    }
  }, 240_000);

  it('refuses a malformed setting with a message naming the variable', async () => {
    const bad = startCaravan({ CARAVAN_DATA_DIR: dataDir, CARAVAN_HTTP_ADDR: 'not-an-address' });
    const [code] = (await once(bad.child, 'exit')) as [number | null];
    expect(code).toBe(78);
    expect(bad.output()).toContain('CARAVAN_HTTP_ADDR');
  }, 60_000);
});
