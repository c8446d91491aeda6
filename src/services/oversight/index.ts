export * from './cache';
export * from './dashboard';
export * from './national';
export * from './reports';
export * from './search';
export * from './status';
