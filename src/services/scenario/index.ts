export * from './office-steps';
export * from './polling-steps';
export * from './register-steps';
export * from './step-events';
