export * from './deputies';
export * from './import';
export * from './interim-limit';
export * from './interim';
export * from './recognition';
export * from './records';
export * from './register';
