export * from './assert-never';
export * from './decider';
export * from './go-regexp';
