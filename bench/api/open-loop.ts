import { percentile } from '../bench-report';

export interface OpenLoopResult {
  /** completions per second over the run, including the drain after the last send */
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  count: number;
  errors: number;
}

/**
 * Sends request i at start + i/rate whatever happened to earlier ones, and measures each
 * latency from its scheduled time, not from when it was sent: a stalled server cannot slow the
 * arrivals down and hide its stall (coordinated omission).
 */
export function openLoop(
  rate: number,
  seconds: number,
  op: (i: number) => Promise<void>,
): Promise<OpenLoopResult> {
  const total = Math.round(rate * seconds);
  const intervalMs = 1000 / rate;
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  let done = 0;
  const start = performance.now() + 5;
  return new Promise((resolve) => {
    const finish = (): void => {
      const elapsed = (performance.now() - start) / 1000;
      latencies.sort((a, b) => a - b);
      resolve({
        perSecond: latencies.length / elapsed,
        p50Ms: percentile(latencies, 50),
        p99Ms: percentile(latencies, 99),
        maxMs: latencies.at(-1) ?? NaN,
        count: latencies.length,
        errors,
      });
    };
    const tick = (): void => {
      const now = performance.now();
      while (sent < total && start + sent * intervalMs <= now) {
        const scheduled = start + sent * intervalMs;
        op(sent++)
          .then(
            () => latencies.push(performance.now() - scheduled),
            () => errors++,
          )
          .finally(() => {
            if (++done === total) finish();
          });
      }
      // Timers fire no sooner than 1 ms: requests due inside one tick go out together, late.
      if (sent < total) setTimeout(tick, Math.max(0, start + sent * intervalMs - now));
    };
    tick();
  });
}
