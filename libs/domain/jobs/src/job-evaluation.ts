import type { Job } from '@caravan/nomad-api';
import type {
  EvaluationCreated,
  EvaluationJobModifyIndex,
  EvaluationTrigger,
} from '@caravan/domain/evaluations';

/** Nomad's `job_default_priority`. */
export const JOB_DEFAULT_PRIORITY = 50;

/** A `Periodic` block makes a job periodic even when disabled (Nomad's IsPeriodic). */
export const isPeriodic = (job: Pick<Job, 'Periodic'>): boolean => job.Periodic != null;

/** Parameterized parents only: dispatched children are ordinary jobs. */
export const isParameterized = (job: Pick<Job, 'ParameterizedJob' | 'Dispatched'>): boolean =>
  job.ParameterizedJob != null && !job.Dispatched;

/** Periodic and parameterized parents never get evaluations; their children do. */
export const getsEvaluations = (
  job: Pick<Job, 'Periodic' | 'ParameterizedJob' | 'Dispatched'>,
): boolean => !isPeriodic(job) && !isParameterized(job);

interface EvaluationInput {
  evalId: string;
  now: bigint;
  namespace: string;
  jobId: string;
  type: string;
  priority: number;
  trigger: EvaluationTrigger;
  jobModifyIndex: EvaluationJobModifyIndex;
  forceReschedule?: boolean;
}

export function evaluationCreated(input: EvaluationInput): EvaluationCreated {
  return {
    type: 'EvaluationCreated',
    schemaVersion: 1,
    data: {
      evaluation: {
        ID: input.evalId,
        Namespace: input.namespace,
        Priority: input.priority,
        Type: input.type,
        TriggeredBy: input.trigger,
        JobID: input.jobId,
        Status: 'pending',
        CreateTime: input.now,
        ModifyTime: input.now,
      },
      jobModifyIndex: input.jobModifyIndex,
      ...(input.forceReschedule ? { forceReschedule: true } : {}),
    },
  };
}

/** An override in 1..100 wins; 0 (or absent) means the job's own priority. */
export const evalPriority = (override: number | undefined, job: Job): number =>
  override !== undefined && override > 0 ? override : job.Priority;
