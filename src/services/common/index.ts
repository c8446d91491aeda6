export * from './actor';
export * from './context';
export * from './election-access';
export * from './failures';
export * from './inputs';
export * from './json';
export * from './permissions';
