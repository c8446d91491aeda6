export * from './change-common';
export * from './establish';
export * from './history';
export * from './merge';
export * from './move';
