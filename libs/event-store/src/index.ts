export * from './event-store.types';
export * from './event-store.errors';
