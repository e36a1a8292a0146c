export * from './projection/projection.types';
export type { ReadModel } from './read-model';
export { READ_MODELS } from './read-models.registry';
export {
  createReadModelDataSource,
  ReadModelDataSourceOptions,
} from './data-source/read-model.data-source';
export {
  ensureReadModelSchema,
  readModelSchema,
  readModelTables,
} from './schema/read-model.schema';
export {
  ReadModelCheckpointEntity,
  ReadModelTableIndexEntity,
} from './schema/projector-tables.entity';
export {
  AppliedIndex,
  INDEX_CHANNEL,
  PROJECTOR_NAME,
  parseIndexNotification,
  readAppliedIndex,
} from './projector/applied-index';
export { applyBatch, BatchOutcome, BeforeCommit, LogGapError } from './projector/apply-batch';
export { ProjectorRunner, ProjectorOptions, LogSource } from './projector/projector.runner';
export { rebuildReadModels, RebuildOptions, RebuildProgress } from './rebuild/rebuild-read-models';
export type { JobRow } from './jobs/job.row';
export { JobEntity } from './jobs/job.entity';
export { jobsProjection } from './jobs/jobs.projection';
export type { JobVersionRow } from './job-versions/job-version.row';
export { JobVersionEntity } from './job-versions/job-version.entity';
export { jobVersionsProjection } from './job-versions/job-versions.projection';
export type { JobSummaryRow } from './job-summaries/job-summary.row';
export { JobSummaryEntity } from './job-summaries/job-summary.entity';
export { jobSummariesProjection } from './job-summaries/job-summaries.projection';
export type { EvaluationRow } from './evaluations/evaluation.row';
export type { NomadEvaluation } from './evaluations/evaluation.json';
export { EvaluationEntity } from './evaluations/evaluation.entity';
export { evaluationsProjection } from './evaluations/evaluations.projection';
export * from './nodes/node.events';
export type { NodeRow } from './nodes/node.row';
export { NodeEntity } from './nodes/node.entity';
export { nodesProjection } from './nodes/nodes.projection';
