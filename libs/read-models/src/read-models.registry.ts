import { EvaluationEntity, EVALUATIONS_SCHEMA } from './evaluations/evaluation.entity';
import { evaluationsProjection } from './evaluations/evaluations.projection';
import { JobSummaryEntity, JOB_SUMMARIES_SCHEMA } from './job-summaries/job-summary.entity';
import { jobSummariesProjection } from './job-summaries/job-summaries.projection';
import { JobVersionEntity, JOB_VERSIONS_SCHEMA } from './job-versions/job-version.entity';
import { jobVersionsProjection } from './job-versions/job-versions.projection';
import { JobEntity, JOBS_SCHEMA } from './jobs/job.entity';
import { jobsProjection } from './jobs/jobs.projection';
import { NodeEntity, NODES_SCHEMA } from './nodes/node.entity';
import { nodesProjection } from './nodes/nodes.projection';
import { anyProjection } from './projection/projection.types';
import type { ReadModel } from './read-model';

/** Every read model the projector maintains. Order does not matter: projections are independent. */
export const READ_MODELS: readonly ReadModel[] = [
  { projection: anyProjection(jobsProjection), entity: JobEntity, schema: JOBS_SCHEMA },
  {
    projection: anyProjection(jobVersionsProjection),
    entity: JobVersionEntity,
    schema: JOB_VERSIONS_SCHEMA,
  },
  {
    projection: anyProjection(jobSummariesProjection),
    entity: JobSummaryEntity,
    schema: JOB_SUMMARIES_SCHEMA,
  },
  {
    projection: anyProjection(evaluationsProjection),
    entity: EvaluationEntity,
    schema: EVALUATIONS_SCHEMA,
  },
  { projection: anyProjection(nodesProjection), entity: NodeEntity, schema: NODES_SCHEMA },
];
