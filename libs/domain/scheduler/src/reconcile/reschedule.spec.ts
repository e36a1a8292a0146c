import type { RescheduleEvent } from '../model/allocation';
import { aJob, aNode, anAlloc, NOW } from '../testing/scheduler-builders';
import { HOUR_MS, MINUTE_MS, SECOND_MS } from '../util/time';
import { nextDelay, nextTracker, rescheduleTiming } from './reschedule';
import {
  BATCH_DEFAULT_POLICY,
  reschedulePolicy,
  SERVICE_DEFAULT_POLICY,
  type EffectivePolicy,
} from './reschedule-policy';

const job = aJob();
const node = aNode(0);

function failedWith(delays: number[], failedAt = NOW) {
  const events: RescheduleEvent[] = delays.map((delayMs, i) => ({
    rescheduleTime: failedAt - (delays.length - i) * MINUTE_MS,
    prevAllocId: `a${i}`,
    prevNodeId: `n${i}`,
    delayMs,
  }));
  return anAlloc(job, 0, node, {
    clientStatus: 'failed',
    finishedAt: failedAt,
    rescheduleTracker: events.length ? { events, lastReschedule: 'ok' } : null,
  });
}

const policy = (p: Partial<EffectivePolicy>): EffectivePolicy => ({
  ...SERVICE_DEFAULT_POLICY,
  ...p,
});

describe('reschedule delays', () => {
  it.each<[string, Partial<EffectivePolicy>, number[], number]>([
    ['constant, first', { delayFunction: 'constant', delayMs: 5000 }, [], 5000],
    ['constant, later', { delayFunction: 'constant', delayMs: 5000 }, [5000, 5000], 5000],
    ['exponential, first', { delayFunction: 'exponential', delayMs: 30_000 }, [], 30_000],
    ['exponential doubles', { delayFunction: 'exponential', delayMs: 30_000 }, [30_000], 60_000],
    ['exponential doubles again', { delayFunction: 'exponential' }, [30_000, 60_000], 120_000],
    ['fibonacci, first', { delayFunction: 'fibonacci', delayMs: 5000 }, [], 5000],
    ['fibonacci, one event', { delayFunction: 'fibonacci', delayMs: 5000 }, [5000], 5000],
    ['fibonacci sums', { delayFunction: 'fibonacci', delayMs: 5000 }, [5000, 5000], 10_000],
    ['fibonacci sums last two', { delayFunction: 'fibonacci' }, [5000, 10_000, 15_000], 25_000],
    [
      'fibonacci restarts after a reset',
      { delayFunction: 'fibonacci', delayMs: 5000, maxDelayMs: 60_000 },
      [60_000, 5000],
      5000,
    ],
    [
      'capped at max delay',
      { delayFunction: 'exponential', delayMs: 30_000, maxDelayMs: 100_000 },
      [30_000, 60_000],
      100_000,
    ],
  ])('%s', (_name, p, delays, expected) => {
    expect(nextDelay(policy(p), failedWith(delays))).toBe(expected);
  });

  it('resets to the base delay when the alloc ran longer than the capped delay', () => {
    const alloc = failedWith([40 * MINUTE_MS, 80 * MINUTE_MS]);
    // The last reschedule was 1 minute before the failure; the cap is 30 s: reset.
    const p = policy({ delayFunction: 'exponential', delayMs: 5000, maxDelayMs: 30 * SECOND_MS });
    expect(nextDelay(p, alloc)).toBe(5000);
  });
});

describe('reschedule eligibility', () => {
  it('uses Nomad defaults per job type', () => {
    const group = { ...job.TaskGroups![0]!, ReschedulePolicy: null };
    expect(reschedulePolicy(job, group)).toEqual(SERVICE_DEFAULT_POLICY);
    expect(reschedulePolicy({ ...job, Type: 'batch' }, group)).toEqual(BATCH_DEFAULT_POLICY);
    expect(reschedulePolicy({ ...job, Type: 'system' }, group)).toBeNull();
    expect(SERVICE_DEFAULT_POLICY).toMatchObject({
      unlimited: true,
      delayMs: 30_000,
      maxDelayMs: HOUR_MS,
    });
    expect(BATCH_DEFAULT_POLICY).toMatchObject({
      attempts: 1,
      intervalMs: 24 * HOUR_MS,
      delayMs: 5000,
    });
  });

  it.each<[string, Partial<EffectivePolicy>, number[], boolean]>([
    ['unlimited', { unlimited: true }, [1, 2, 3, 4, 5, 6].map(() => 30_000), true],
    ['attempts left, no history', { unlimited: false, attempts: 1, intervalMs: HOUR_MS }, [], true],
    [
      'attempts used up in interval',
      { unlimited: false, attempts: 1, intervalMs: HOUR_MS, delayFunction: 'constant' },
      [5000],
      false,
    ],
    [
      'old attempts fall out of the interval',
      {
        unlimited: false,
        attempts: 1,
        intervalMs: 30 * SECOND_MS,
        delayMs: 5000,
        delayFunction: 'constant',
      },
      [5000],
      true,
    ],
    [
      'delay not shorter than interval',
      {
        unlimited: false,
        attempts: 3,
        intervalMs: 10 * SECOND_MS,
        delayMs: 20_000,
        delayFunction: 'constant',
      },
      [20_000],
      false,
    ],
  ])('%s → %s', (_name, p, delays, eligible) => {
    expect(rescheduleTiming(policy(p), failedWith(delays)).eligible).toBe(eligible);
  });

  it('reschedules at fail time plus the next delay', () => {
    const p = policy({ delayFunction: 'constant', delayMs: 5000 });
    expect(rescheduleTiming(p, failedWith([], NOW - 1000)).time).toBe(NOW + 4000);
  });

  it('carries the last five events of an unlimited policy and appends this reschedule', () => {
    const prev = failedWith([1, 2, 3, 4, 5, 6].map((i) => i * 1000));
    const tracker = nextTracker(SERVICE_DEFAULT_POLICY, prev, NOW);
    expect(tracker.events.map((e) => e.prevAllocId)).toEqual([
      'a1',
      'a2',
      'a3',
      'a4',
      'a5',
      prev.id,
    ]);
    expect(tracker.events[5]).toEqual({
      rescheduleTime: NOW,
      prevAllocId: prev.id,
      prevNodeId: node.id,
      delayMs: 12_000,
    });
    expect(tracker.lastReschedule).toBe('ok');
  });
});
