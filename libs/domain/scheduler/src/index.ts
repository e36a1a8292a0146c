// The pure scheduler (issue 8): feasibility, ranking, reconciliation and reschedule policy as
// Nomad has them, as one function of (snapshot, evaluation, { now, seed }).
export { schedule } from './schedule';
export type { ScheduleOptions } from './scheduler-env';
export * from './model/node';
export { computedNodeClass } from './model/computed-class';
export * from './model/allocation';
export * from './model/snapshot';
export * from './model/evaluation';
export * from './model/metrics';
export * from './model/plan';
export { checkOperand, OPERANDS, type Operand } from './feasible/operands';
export { resolveTarget } from './feasible/targets';
export { compileRegex } from './feasible/regex';
export { versionSatisfies } from './feasible/version';
export { globMatch } from './feasible/candidates';
export { binPackScore, BINPACK_MAX_FIT_SCORE } from './rank/binpack';
export { scoringLimit } from './rank/group-ranker';
export { allocName, allocIndex } from './reconcile/names';
export {
  reschedulePolicy,
  SERVICE_DEFAULT_POLICY,
  BATCH_DEFAULT_POLICY,
  type EffectivePolicy,
} from './reconcile/reschedule-policy';
export { nextDelay, rescheduleTiming, nextTracker } from './reconcile/reschedule';
export { tasksUpdated } from './reconcile/tasks-updated';
export { mulberry32, deriveSeed } from './util/prng';
/** Data builders for tests and benchmarks here and in other libraries (like @caravan/domain/jobs' aJob). */
export * as schedulerFixtures from './testing/scheduler-builders';
/** The one crossing between Nomad's nanoseconds and the scheduler's milliseconds. */
export { nanosToMs, msToNanos } from './util/time';
export { trackerFromWire, type WireRescheduleTracker } from './model/reschedule-tracker.wire';
