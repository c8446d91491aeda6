export * from './office-steps';
export * from './polling-steps';
export * from './register-steps';
