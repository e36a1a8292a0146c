export * from './node.events';
export * from './node.decider';
export * from './simulated-node';
