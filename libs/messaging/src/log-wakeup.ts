import { sleep } from '@caravan/async';
import type { EventLog } from './messaging.ports';

/**
 * Lets a log reader sleep until there may be something new: the store's push notification, or
 * the poll interval as a safety net (a notification can be missed, e.g. while the LISTEN
 * connection reconnects), or the signal aborting. A notification that arrives while the reader
 * is busy is remembered, so the next wait returns at once instead of sleeping through it.
 */
export class LogWakeup {
  private pending = false;
  private wake: (() => void) | undefined;
  private readonly unsubscribe: () => void;

  constructor(log: EventLog) {
    this.unsubscribe = log.onLogAdvanced(() => {
      this.pending = true;
      this.wake?.();
    });
  }

  async wait(pollIntervalMs: number, signal: AbortSignal): Promise<void> {
    if (!this.pending) await sleep(pollIntervalMs, signal, (wake) => (this.wake = wake));
    this.wake = undefined;
    this.pending = false;
  }

  close(): void {
    this.unsubscribe();
    this.wake?.();
  }
}

/** Doubling delay for retrying a failed step, capped: 0.5 s, 1 s, 2 s ... 30 s. */
export function backoffMs(failures: number): number {
  return Math.min(30_000, 500 * 2 ** Math.max(0, failures - 1));
}
