import { ALLOCATIONS_TABLE } from './allocations/allocations.table';
import { allocationsProjection } from './allocations/allocations.projection';
import { EVALUATIONS_TABLE } from './evaluations/evaluations.table';
import { evaluationsProjection } from './evaluations/evaluations.projection';
import { JOB_SUMMARIES_TABLE } from './job-summaries/job-summaries.table';
import { jobSummariesProjection } from './job-summaries/job-summaries.projection';
import { JOB_VERSIONS_TABLE } from './job-versions/job-versions.table';
import { jobVersionsProjection } from './job-versions/job-versions.projection';
import { JOBS_TABLE } from './jobs/jobs.table';
import { jobsProjection } from './jobs/jobs.projection';
import { NODES_TABLE } from './nodes/nodes.table';
import { nodesProjection } from './nodes/nodes.projection';
import { readModel, type ReadModel } from './read-model';

/** Every read model the projector maintains. Order does not matter: projections are independent. */
export const READ_MODELS: readonly ReadModel[] = [
  readModel(jobsProjection, JOBS_TABLE),
  readModel(jobVersionsProjection, JOB_VERSIONS_TABLE),
  readModel(jobSummariesProjection, JOB_SUMMARIES_TABLE),
  readModel(evaluationsProjection, EVALUATIONS_TABLE),
  readModel(nodesProjection, NODES_TABLE),
  readModel(allocationsProjection, ALLOCATIONS_TABLE),
];
