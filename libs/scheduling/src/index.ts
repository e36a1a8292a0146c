export * from './plan/plan-commit.types';
export { applyPlan } from './plan/plan-applier';
export { planAppends, type PlanAppend } from './plan/plan-appends';
export { claimOf, placementClaim, type ResourceClaim } from './capacity/claims';
export { migrateCapacity } from './capacity/capacity.migrate';
export * from './state/scheduling-state.types';
export { SchedulingState, LogGapError, type LogEvent } from './state/scheduling-state';
export {
  SchedulingStateFollower,
  type LogSource,
  type StateFollowerOptions,
} from './state/state-follower';
export { commitClientStatus, type ClientStatusUpdate } from './client/client-status.commit';
export {
  planWithRetries,
  planAttemptLimit,
  failedAfterConflicts,
  type PlanLoopPorts,
  type PlanLoopResult,
} from './plan/plan-retry';
