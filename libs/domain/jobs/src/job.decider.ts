import type { Decider } from '@caravan/domain/shared';
import type { EvaluationCreated } from '@caravan/domain/evaluations';
import type { JobCommand } from './job.commands';
import { decideJob } from './job.decide';
import type { JobEvent } from './job.events';
import { evolveJob, initialJobState, type JobState } from './job.state';

/**
 * The job stream's decider. `decide` also yields the evaluations a command creates; they belong
 * to their own streams (see `planJobAppends`) and `evolve` ignores them.
 */
export const jobDecider: Decider<JobCommand, JobEvent | EvaluationCreated, JobState> = {
  initialState: initialJobState,
  decide: decideJob,
  evolve: evolveJob,
};
