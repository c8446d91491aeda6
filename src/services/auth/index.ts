export * from './auth';
export * from './login-throttle';
export * from './passwords';
export * from './totp';
export * from './users';
