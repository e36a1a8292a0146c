export * from './allocation.types';
export * from './allocation.events';
export * from './allocation.commands';
export * from './allocation.errors';
export * from './allocation.state';
export * from './allocation.decide';
export * from './allocation.stream';
/** Data builders for tests here and in other libraries. */
export { newAllocation } from './allocation-builders';
