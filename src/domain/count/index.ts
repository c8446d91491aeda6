export * from './types';
export * from './papers';
export * from './outcome';
export * from './input';
export * from './tally';
export * from './labels';
export * from './counted-paper';
export * from './standing';
