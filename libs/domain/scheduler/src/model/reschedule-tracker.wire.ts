import type { Nanos } from '@caravan/nomad-api';
import { nanosToMs } from '../util/time';
import type { RescheduleTracker } from './allocation';

/** Nomad's RescheduleTracker as stored and served (PascalCase, ns times). */
export interface WireRescheduleTracker {
  Events: readonly {
    RescheduleTime: Nanos;
    PrevAllocID: string;
    PrevNodeID: string;
    Delay: Nanos;
  }[];
  LastReschedule: '' | 'ok' | 'no placement';
}

/** Nomad's tracker → the scheduler's (camelCase, ms); null stays null. */
export function trackerFromWire(
  t: WireRescheduleTracker | null | undefined,
): RescheduleTracker | null {
  if (t === null || t === undefined) return null;
  return {
    events: t.Events.map((e) => ({
      rescheduleTime: nanosToMs(e.RescheduleTime),
      prevAllocId: e.PrevAllocID,
      prevNodeId: e.PrevNodeID,
      delayMs: nanosToMs(e.Delay),
    })),
    lastReschedule: t.LastReschedule,
  };
}
