export { startEmbeddedPostgres, type RunningPostgres } from './embedded-postgres';
export { startAdminServer } from './admin-server';
export { stopOnSignals, type Stoppable } from './process-lifecycle';
