// Nomad HTTP API wire types (shapes only; no behaviour).
export * from './job/job.types';
