import type { RecordedEvent } from '@caravan/event-store';
import type { Job } from '@caravan/nomad-api';
import {
  aJob,
  jobDecider,
  planJobAppends,
  type JobCommand,
  type JobEvent,
} from '@caravan/domain/jobs';
import { recorded } from '../projection/recorded-event.fixture';

// Arrange read-model tests with the real decider: commands in, the log it would append out
// (job events, then evaluations, in one append each), with log indexes 1..n.

export const T0 = 1_732_608_000_123_456_789n; // beyond 2^53: must survive exactly

const meta = (k: number) => ({ now: T0 + BigInt(k), actor: 'test', evalId: `eval-${k}` });
const refOf = (job: Job) => ({ namespace: job.Namespace, jobId: job.ID });

export const cmd = {
  register:
    (job: Job = aJob()) =>
    (k: number): JobCommand => ({
      type: 'RegisterJob',
      job,
      enforceIndex: false,
      jobModifyIndex: 0,
      preserveCounts: false,
      ...meta(k),
    }),
  stop:
    (job: Job = aJob()) =>
    (k: number): JobCommand => ({
      type: 'DeregisterJob',
      ...refOf(job),
      purge: false,
      ...meta(k),
    }),
  purge:
    (job: Job = aJob()) =>
    (k: number): JobCommand => ({
      type: 'DeregisterJob',
      ...refOf(job),
      purge: true,
      ...meta(k),
    }),
  revert:
    (jobVersion: number, job: Job = aJob()) =>
    (k: number): JobCommand => ({
      type: 'RevertJob',
      ...refOf(job),
      jobVersion,
      ...meta(k),
    }),
  stable:
    (jobVersion: number, stable: boolean, job: Job = aJob()) =>
    (k: number): JobCommand => ({
      type: 'SetJobStability',
      ...refOf(job),
      jobVersion,
      stable,
      ...meta(k),
    }),
  evaluate:
    (job: Job = aJob()) =>
    (k: number): JobCommand => ({
      type: 'EvaluateJob',
      ...refOf(job),
      forceReschedule: false,
      ...meta(k),
    }),
};

const jobOf = (command: JobCommand) =>
  command.type === 'RegisterJob'
    ? refOf(command.job)
    : { namespace: command.namespace, jobId: command.jobId };

/** The log a sequence of commands produces; command k gets time T0+k and eval id `eval-k`. */
export function history(...commands: ((k: number) => JobCommand)[]): RecordedEvent[] {
  const streams = new Map<
    string,
    { state: ReturnType<typeof jobDecider.initialState>; version: number }
  >();
  const log: RecordedEvent[] = [];
  commands.forEach((make, k) => {
    const command = make(k);
    const ref = jobOf(command);
    const key = `${ref.namespace}/${ref.jobId}`;
    const stream = streams.get(key) ?? { state: jobDecider.initialState(), version: 0 };
    const decision = jobDecider.decide(command, stream.state);
    for (const append of planJobAppends(ref, stream.version, decision)) {
      for (const event of append.events) {
        const logIndex = log.length + 1;
        log.push(recorded(logIndex, event.type, event.data, append.stream.id));
        if (append.stream.category === 'job') {
          stream.state = jobDecider.evolve(stream.state, event as JobEvent, logIndex);
          stream.version += 1;
        }
      }
    }
    streams.set(key, stream);
  });
  return log;
}
