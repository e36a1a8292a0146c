export * from './projection/projection.types';
export { readModel, type ReadModel } from './read-model';
export * from './schema/table-definition';
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
  CHECKPOINT_TABLE,
  TABLE_INDEX_TABLE,
} from './schema/projector-tables';
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
export { JobEntity, JOBS_TABLE } from './jobs/jobs.table';
export { toJobListStub } from './jobs/job-list-stub';
export { jobsProjection } from './jobs/jobs.projection';
export type { JobVersionRow } from './job-versions/job-version.row';
export { JobVersionEntity, JOB_VERSIONS_TABLE } from './job-versions/job-versions.table';
export { jobVersionsProjection } from './job-versions/job-versions.projection';
export type { JobSummaryRow } from './job-summaries/job-summary.row';
export { JobSummaryEntity, JOB_SUMMARIES_TABLE } from './job-summaries/job-summaries.table';
export { jobSummariesProjection } from './job-summaries/job-summaries.projection';
export type { EvaluationRow } from './evaluations/evaluation.row';
export type { NomadEvaluation } from './evaluations/evaluation.json';
export { EvaluationEntity, EVALUATIONS_TABLE } from './evaluations/evaluations.table';
export { evaluationsProjection } from './evaluations/evaluations.projection';
export * from './nodes/node.events';
export type { NodeRow } from './nodes/node.row';
export { NodeEntity, NODES_TABLE } from './nodes/nodes.table';
export { nodesProjection } from './nodes/nodes.projection';
export type { AllocationRow } from './allocations/allocation.row';
export type {
  NomadAllocation,
  NomadAllocListStub,
  NomadTaskState,
} from './allocations/allocation.json';
export { AllocationEntity, ALLOCATIONS_TABLE } from './allocations/allocations.table';
export { allocationsProjection } from './allocations/allocations.projection';
export { goTime } from './allocations/go-time';
