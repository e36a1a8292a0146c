export * from './assert-never';
export * from './decider';
