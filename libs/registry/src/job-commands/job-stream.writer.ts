import { randomUUID } from 'node:crypto';
import type { PostgresEventStore, StreamAppend } from '@caravan/event-store';
import {
  jobDecider,
  jobStream,
  planJobAppends,
  type JobCommand,
  type JobEvent,
  type JobState,
} from '@caravan/domain/jobs';
import type { EvaluationCreated } from '@caravan/domain/evaluations';
import type { JobWriteResult, RegistryCommandResult } from '@caravan/contracts';

type Decided = JobEvent | EvaluationCreated;

/**
 * The one place job commands touch the store: load the job stream, decide, append the job's
 * events and the evaluations it creates in ONE atomic append, and report Nomad's indexes. A
 * concurrent writer on the same job makes the append fail its version check; the command is
 * then decided again on the newer state.
 */
export class JobStreamWriter {
  constructor(private readonly store: PostgresEventStore) {}

  async execute(
    command: JobCommand & { namespace?: string; jobId?: string },
  ): Promise<RegistryCommandResult> {
    const ref = refOf(command);
    for (let attempt = 1; ; attempt++) {
      const { version, events: history } = await this.store.readStream(jobStream(ref).id);
      const state = history.reduce<JobState>(
        (s, e) => jobDecider.evolve(s, { type: e.type, data: e.data } as Decided, e.logIndex),
        jobDecider.initialState(),
      );
      const decision = jobDecider.decide(command, state);
      const appends = planJobAppends(ref, version, decision).map((a) =>
        toStreamAppend(a, command.actor),
      );
      if (appends.length === 0) return { index: currentIndex(state), result: unchanged(state) };
      try {
        const appended = await this.store.append(appends);
        return { index: appended.lastIndex, result: written(decision, appended.firstIndex, state) };
      } catch (error) {
        if ((error as { code?: string }).code !== 'WRONG_EXPECTED_VERSION' || attempt >= 3)
          throw error;
      }
    }
  }
}

function refOf(command: JobCommand): { namespace: string; jobId: string } {
  if (command.type === 'RegisterJob')
    return { namespace: command.job.Namespace, jobId: command.job.ID };
  return { namespace: command.namespace, jobId: command.jobId };
}

function toStreamAppend(
  planned: ReturnType<typeof planJobAppends>[number],
  actor: string,
): StreamAppend {
  return {
    stream: planned.stream,
    expectedVersion: planned.expectedVersion,
    events: planned.events.map((event) => ({
      id: randomUUID(),
      type: event.type,
      data: event.data,
      schemaVersion: (event as { schemaVersion?: number }).schemaVersion ?? 1,
      metadata: { actor },
    })),
  };
}

/** Events of one append get consecutive log indexes in append order, job events first. */
function written(decision: Decided[], firstIndex: number, before: JobState): JobWriteResult {
  const ordered = [
    ...decision.filter((e) => e.type !== 'EvaluationCreated'),
    ...decision.filter((e) => e.type === 'EvaluationCreated'),
  ];
  const indexOf = (event: Decided) => firstIndex + ordered.indexOf(event);
  const evaluation = ordered.find((e): e is EvaluationCreated => e.type === 'EvaluationCreated');
  const version = ordered.find(
    (e) => e.type === 'JobVersionRegistered' || e.type === 'JobReverted' || e.type === 'JobStopped',
  );
  return {
    EvalID: evaluation?.data.evaluation.ID ?? '',
    EvalCreateIndex: evaluation ? indexOf(evaluation) : 0,
    JobModifyIndex: version
      ? indexOf(version)
      : before.status === 'active'
        ? before.jobModifyIndex
        : 0,
  };
}

function unchanged(state: JobState): JobWriteResult {
  return {
    EvalID: '',
    EvalCreateIndex: 0,
    JobModifyIndex: state.status === 'active' ? state.jobModifyIndex : 0,
  };
}

function currentIndex(state: JobState): number {
  return state.status === 'active' ? state.modifyIndex : 0;
}
