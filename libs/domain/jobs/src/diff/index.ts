// Job diffs as `nomad job plan` and `GET /v1/job/:id/versions?diffs=true` show them (pure).
export type * from './job-diff.types';
export { jobDiff } from './job.diff';
export {
  annotateJobDiff,
  FORCES_CREATE,
  FORCES_DESTROY,
  FORCES_IN_PLACE,
  FORCES_DESTRUCTIVE,
} from './annotate';
export { consecutiveVersionDiffs } from './version-diffs';
