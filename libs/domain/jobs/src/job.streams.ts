import type { DomainEvent, PlannedAppend } from '@caravan/domain/shared';
import { evaluationStream, type EvaluationCreated } from '@caravan/domain/evaluations';
import type { JobEvent } from './job.events';

export interface JobRef {
  namespace: string;
  jobId: string;
}

export function jobStream(ref: JobRef): PlannedAppend['stream'] {
  const key = `${ref.namespace}/${ref.jobId}`;
  return { id: `job-${key}`, category: 'job', partitionKey: key };
}

/**
 * Turns a decision into the appends the command handler writes in ONE atomic append: the job
 * stream's events first, then each evaluation's stream. That order is load-bearing: an
 * evaluation with `jobModifyIndex: 'preceding-event'` resolves to the log index just before its
 * own. The job stream is also included with no events, as a version check, when the decision
 * only creates an evaluation for an existing job (an unchanged register under EnforceIndex
 * must fail if the job moved meanwhile). No events at all means nothing to append.
 *
 * @param jobStreamVersion the job stream's version the decision was made on (0: no stream)
 */
export function planJobAppends(
  ref: JobRef,
  jobStreamVersion: number,
  decision: readonly (JobEvent | EvaluationCreated)[],
): PlannedAppend[] {
  const jobEvents = decision.filter((e): e is JobEvent => e.type !== 'EvaluationCreated');
  const evaluations = decision.filter(
    (e): e is EvaluationCreated => e.type === 'EvaluationCreated',
  );
  const appends: PlannedAppend[] = [];
  if (jobEvents.length > 0 || (evaluations.length > 0 && jobStreamVersion > 0)) {
    appends.push({
      stream: jobStream(ref),
      expectedVersion: jobStreamVersion,
      events: jobEvents.map(plain),
    });
  }
  for (const evaluation of evaluations) {
    const { ID, Namespace, JobID } = evaluation.data.evaluation;
    appends.push({
      stream: evaluationStream(ID, Namespace, JobID),
      expectedVersion: 'no_stream',
      events: [plain(evaluation)],
    });
  }
  return appends;
}

const plain = (event: JobEvent | EvaluationCreated): DomainEvent & { schemaVersion: number } => ({
  type: event.type,
  schemaVersion: event.schemaVersion,
  data: event.data,
});
