import type { Job } from '@caravan/nomad-api';
import type { EvaluationCreated } from '@caravan/domain/evaluations';
import { jobDecider } from './job.decider';
import type { JobCommand } from './job.commands';
import type { JobEvent } from './job.events';
import { COMMIT_ASSIGNED } from './register-job.decide';
import { aJob } from './job.builders';

export { aJob };

// Test builders (arrange state with events, STYLE.md rule 17). Not exported from index.ts.

export const NOW = 1_732_608_000_123_456_789n;

/** The job as a version event stores it. */
export const stored = (
  job: Job,
  version: number,
  submitTime: bigint = NOW,
  stable = false,
): Job => ({
  ...job,
  Version: version,
  SubmitTime: submitTime,
  Stable: stable,
  ...COMMIT_ASSIGNED,
});

export const registered = (job: Job, createIndex: number | null = null): JobEvent => ({
  type: 'JobVersionRegistered',
  schemaVersion: 1,
  data: { job, createIndex, submission: null },
});

type Outcome = (JobEvent | EvaluationCreated)[];

/** given(events).when(command).then(events) | thenThrows(code, message); log indexes 1..n. */
export function given(...events: JobEvent[]) {
  const state = events.reduce(
    (s, event, k) => jobDecider.evolve(s, event, k + 1),
    jobDecider.initialState(),
  );
  return {
    state,
    when: (command: JobCommand) => ({
      then: (expected: Outcome) => expect(jobDecider.decide(command, state)).toEqual(expected),
      thenThrows: (code: string, message: string) => {
        let thrown: unknown = null;
        try {
          jobDecider.decide(command, state);
        } catch (error) {
          thrown = error;
        }
        expect(thrown).toMatchObject({ code, message, httpStatus: 500 });
      },
    }),
  };
}
