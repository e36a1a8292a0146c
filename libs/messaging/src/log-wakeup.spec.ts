import { LogWakeup, backoffMs } from './log-wakeup';
import type { EventLog } from './messaging.ports';

// A hand-driven log notification source: only the push side of the port is exercised here.
function notifier() {
  const listeners = new Set<(head: number) => void>();
  const log: EventLog = {
    readLog: () => Promise.resolve([]),
    onLogAdvanced: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    log,
    advance: (head: number) => listeners.forEach((l) => l(head)),
    count: () => listeners.size,
  };
}

describe('LogWakeup', () => {
  it('wakes a waiting reader when the log advances, long before the poll interval', async () => {
    const { log, advance } = notifier();
    const wakeup = new LogWakeup(log);
    const started = Date.now();
    const waiting = wakeup.wait(60_000, new AbortController().signal);
    setTimeout(() => advance(5), 10);
    await waiting;
    expect(Date.now() - started).toBeLessThan(5_000);
    wakeup.close();
  });

  it('remembers an advance that came while the reader was busy, and returns at once', async () => {
    const { log, advance } = notifier();
    const wakeup = new LogWakeup(log);
    advance(3);
    const started = Date.now();
    await wakeup.wait(60_000, new AbortController().signal);
    expect(Date.now() - started).toBeLessThan(1_000);
    wakeup.close();
  });

  it('falls back to the poll interval, and stops listening when closed', async () => {
    const { log, count } = notifier();
    const wakeup = new LogWakeup(log);
    const started = Date.now();
    await wakeup.wait(30, new AbortController().signal);
    expect(Date.now() - started).toBeGreaterThanOrEqual(25);
    wakeup.close();
    expect(count()).toBe(0);
  });

  it('returns when the signal aborts', async () => {
    const { log } = notifier();
    const wakeup = new LogWakeup(log);
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 10);
    const started = Date.now();
    await wakeup.wait(60_000, abort.signal);
    expect(Date.now() - started).toBeLessThan(5_000);
    wakeup.close();
  });

  it('backs off by doubling from 0.5 s up to 30 s', () => {
    expect([1, 2, 3, 4, 7, 20].map(backoffMs)).toEqual([500, 1000, 2000, 4000, 30_000, 30_000]);
  });
});
