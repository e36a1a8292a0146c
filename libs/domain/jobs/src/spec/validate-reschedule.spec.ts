import type { ReschedulePolicy } from '@caravan/nomad-api';
import { canonicalizeJob } from './canonicalize';
import { HOUR, MINUTE, SECOND } from './spec.defaults';
import { validateJob } from './validate';
import { validateReschedule } from './validate-reschedule';

const policy = (p: Partial<ReschedulePolicy>): ReschedulePolicy => ({
  Attempts: 1,
  Interval: HOUR,
  Delay: 30 * SECOND,
  DelayFunction: 'constant',
  MaxDelay: HOUR,
  Unlimited: false,
  ...p,
});

describe('validateReschedule: attempts must fit in the interval', () => {
  it('accepts the default batch and service policies', () => {
    expect(validateReschedule(policy({ Interval: 24 * HOUR, Delay: 5 * SECOND }))).toEqual([]);
    expect(
      validateReschedule(policy({ Attempts: 0, Unlimited: true, DelayFunction: 'exponential' })),
    ).toEqual([]);
  });

  it('constant: attempts times delay must fit', () => {
    expect(validateReschedule(policy({ Attempts: 3, Interval: MINUTE }))).toEqual([
      'Nomad can only make 2 attempts in 1m0s with initial delay 30s and delay function "constant"',
      'Set the interval to at least 1m30s to accommodate 3 attempts',
    ]);
    expect(validateReschedule(policy({ Attempts: 2, Interval: MINUTE }))).toEqual([]);
  });

  it('exponential: doubles the delay, recommending the last delay (Nomad does not sum)', () => {
    const p = { Attempts: 5, Interval: 2 * MINUTE, DelayFunction: 'exponential' };
    expect(validateReschedule(policy(p))).toEqual([
      'Nomad can only make 2 attempts in 2m0s with initial delay 30s, delay function "exponential", and delay ceiling 1h0m0s',
      'Set the interval to at least 8m0s to accommodate 5 attempts',
    ]);
  });

  it('exponential: past the ceiling the delays add up', () => {
    const p = { Attempts: 4, Interval: 2 * MINUTE, MaxDelay: MINUTE, DelayFunction: 'exponential' };
    expect(validateReschedule(policy(p))).toEqual([
      'Nomad can only make 2 attempts in 2m0s with initial delay 30s, delay function "exponential", and delay ceiling 1m0s',
      'Set the interval to at least 3m0s to accommodate 4 attempts',
    ]);
  });

  it('fibonacci: before and after the ceiling', () => {
    const base = { Delay: 10 * SECOND, DelayFunction: 'fibonacci' };
    expect(validateReschedule(policy({ ...base, Attempts: 5, Interval: 30 * SECOND }))).toEqual([
      'Nomad can only make 4 attempts in 30s with initial delay 10s, delay function "fibonacci", and delay ceiling 1h0m0s',
      'Set the interval to at least 50s to accommodate 5 attempts',
    ]);
    const capped = { ...base, Attempts: 6, Interval: MINUTE, MaxDelay: 25 * SECOND };
    expect(validateReschedule(policy(capped))).toEqual([
      'Nomad can only make 5 attempts in 1m0s with initial delay 10s, delay function "fibonacci", and delay ceiling 25s',
      'Set the interval to at least 1m15s to accommodate 6 attempts',
    ]);
    expect(validateReschedule(policy({ ...base, Attempts: 5, Interval: 50 * SECOND }))).toEqual([]);
  });

  it('skips the cross check when the delay parameters are already invalid', () => {
    expect(validateReschedule(policy({ Attempts: 100, Interval: MINUTE, Delay: SECOND }))).toEqual([
      'Delay cannot be less than 5s (got 1s)',
    ]);
  });

  it('handles huge attempt counts without looping over each one', () => {
    const started = Date.now();
    for (const fn of ['exponential', 'fibonacci', 'constant']) {
      const errs = validateReschedule(policy({ Attempts: 2 ** 31, DelayFunction: fn }));
      expect(errs).toHaveLength(2);
      expect(errs[1]).toMatch(
        /^Set the interval to at least .* to accommodate 2147483648 attempts$/,
      );
    }
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('flattens the cross-check errors into the group error', () => {
    const job = canonicalizeJob(
      {
        ID: 'j',
        Type: 'batch',
        TaskGroups: [
          {
            Name: 'g',
            Tasks: [{ Name: 't', Driver: 'exec' }],
            ReschedulePolicy: { Attempts: 3, Interval: MINUTE, Delay: 30 * SECOND },
          },
        ],
      },
      { region: 'global' },
    );
    expect(validateJob(job)).toEqual([
      'Task group g validation failed: 2 errors occurred:\n\t* Nomad can only make 2 attempts in 1m0s with initial delay 30s and delay function "constant"\n\t* Set the interval to at least 1m30s to accommodate 3 attempts\n\n',
    ]);
  });
});
