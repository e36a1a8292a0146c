// The scheduler worker (issue 8): evaluations in, plans committed. README.md has the glossary
// and invariants.
export {
  SchedulerWorker,
  SCHEDULER_CATEGORIES,
  type SchedulerWorkerOptions,
} from './worker/scheduler-worker';
export type { ProcessOutcome } from './worker/evaluation-processor';
export { migrateSchedulerWorker } from './worker/deliveries';
export { EVAL_DELIVERY_LIMIT } from './worker/delivery-limit';
export { SchedulerSnapshotAdapter } from './adapt/scheduler-snapshot.adapter';
export { toEvaluationInput } from './adapt/evaluation.adapter';
export { toPlanCommit } from './translate/plan-commit.translate';
export { planEvaluation } from './worker/plan-evaluation';
export { replayScheduler, type ReplayReport, type ReplayDifference } from './replay/replay';
