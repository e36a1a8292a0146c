export * from './evaluation.events';
export * from './evaluation.stream';
