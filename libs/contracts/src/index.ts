export * from './registry-command';
