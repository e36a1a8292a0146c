export { NodeSimulator, type NodeSimulatorOptions } from './node-simulator';
export { AllocationRunner, type AllocationRunnerOptions } from './client/allocation-runner';
export { nextClientReport, CLIENT_DESCRIPTIONS } from './client/client-lifecycle';
export { taskPlans, DEFAULT_RUN_FOR_NS } from './client/task-plan';
