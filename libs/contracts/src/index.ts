export * from './registry-command';
export * from './job-commands';
