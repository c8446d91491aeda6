export * from './meetings';
export * from './nominations';
