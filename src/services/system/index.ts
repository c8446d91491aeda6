export * from './backup';
export * from './health';
