/**
 * Resolves after `ms`, or as soon as `signal` aborts (never rejects: a stopping loop just
 * finds itself awake early and checks why). `exposeWake` hands out the early-wake function,
 * so a notification can end the wait before the timer does.
 */
export function sleep(
  ms: number,
  signal?: AbortSignal,
  exposeWake?: (wake: () => void) => void,
): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted === true) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    exposeWake?.(done);
  });
}
