import { sleep } from './sleep';

describe('sleep', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  const settled = async (p: Promise<void>): Promise<boolean> => {
    let done = false;
    void p.then(() => (done = true));
    await Promise.resolve();
    await Promise.resolve();
    return done;
  };

  it('resolves once the time has passed, not before', async () => {
    const p = sleep(100);
    jest.advanceTimersByTime(99);
    expect(await settled(p)).toBe(false);
    jest.advanceTimersByTime(1);
    expect(await settled(p)).toBe(true);
  });

  it('resolves early when the signal aborts, and at once when it already has', async () => {
    const abort = new AbortController();
    const p = sleep(10_000, abort.signal);
    abort.abort();
    expect(await settled(p)).toBe(true);
    expect(await settled(sleep(10_000, abort.signal))).toBe(true);
  });

  it('hands out a wake function that ends the wait', async () => {
    let wake: (() => void) | undefined;
    const p = sleep(10_000, undefined, (w) => (wake = w));
    expect(await settled(p)).toBe(false);
    wake?.();
    expect(await settled(p)).toBe(true);
    expect(jest.getTimerCount()).toBe(0);
  });
});
