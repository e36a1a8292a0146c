import type { RecordedEvent } from '@caravan/event-store';
import type { EvaluationCreated } from '@caravan/domain/evaluations';
import type { JobEvent, JobVersionCreated } from '@caravan/domain/jobs';
import { JOB_VERSION_CREATED_TYPES } from '@caravan/domain/jobs';
import { assertNever } from '@caravan/domain/shared';

// How the job read models see the job and evaluation streams' events.

/** Distributes over a union, so narrowing on `type` narrows `data`. */
export type Recorded<E> = E extends { type: infer T extends string; data: infer D }
  ? RecordedEvent<T, D>
  : never;
export type RecordedJobEvent = Recorded<JobEvent>;
export type RecordedVersionCreated = Recorded<JobVersionCreated>;
export type RecordedEvaluationCreated = Recorded<EvaluationCreated>;

export function isVersionCreated(event: RecordedEvent): event is RecordedVersionCreated {
  return (JOB_VERSION_CREATED_TYPES as readonly string[]).includes(event.type);
}

/** The (namespace, id) a job event addresses. */
export function jobKeyOf(event: RecordedJobEvent): { namespace: string; id: string } {
  switch (event.type) {
    case 'JobVersionRegistered':
    case 'JobReverted':
    case 'JobStopped':
      return { namespace: event.data.job.Namespace, id: event.data.job.ID };
    case 'JobPurged':
    case 'JobVersionPruned':
    case 'JobVersionStabilityChanged':
      return { namespace: event.data.namespace, id: event.data.jobId };
    default:
      return assertNever(event);
  }
}

/** A version event's CreateIndex: the job's, or its own index when it created the job. */
export const createIndexOf = (event: RecordedVersionCreated): number =>
  event.data.createIndex ?? event.logIndex;
