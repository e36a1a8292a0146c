export * from './evaluation.events';
export * from './evaluation.stream';
export * from './evaluation-lifecycle.events';
export * from './evaluation.decide';
