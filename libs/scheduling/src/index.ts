export * from './plan/plan-commit.types';
export { applyPlan } from './plan/plan-applier';
export { planAppends, type PlanAppend } from './plan/plan-appends';
export { claimOf, placementClaim, type ResourceClaim } from './capacity/claims';
export { migrateCapacity } from './capacity/capacity.migrate';
