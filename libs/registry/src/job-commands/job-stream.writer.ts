import { randomUUID } from 'node:crypto';
import { decideAndAppend, type EventMetadata, type PostgresEventStore } from '@caravan/event-store';
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
 * The one place job commands touch the store: decide on the job stream and append the job's
 * events and the evaluations it creates in ONE atomic append (decideAndAppend retries on a
 * concurrent writer), then report Nomad's indexes.
 */
export class JobStreamWriter {
  constructor(private readonly store: PostgresEventStore) {}

  async execute(command: JobCommand, metadata: EventMetadata): Promise<RegistryCommandResult> {
    const ref = refOf(command);
    const { events, state, appended } = await decideAndAppend(
      this.store,
      jobStream(ref),
      jobDecider,
      command,
      {
        newEventId: randomUUID,
        metadata,
        plan: (decision, version) => planJobAppends(ref, version, decision),
      },
    );
    if (appended === null) return { index: currentIndex(state), result: unchanged(state) };
    return { index: appended.lastIndex, result: written(events, appended.firstIndex, state) };
  }
}

function refOf(command: JobCommand): { namespace: string; jobId: string } {
  if (command.type === 'RegisterJob')
    return { namespace: command.job.Namespace, jobId: command.job.ID };
  return { namespace: command.namespace, jobId: command.jobId };
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
