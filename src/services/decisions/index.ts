export * from './commune-decisions';
