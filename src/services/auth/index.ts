export * from './auth';
export * from './passwords';
export * from './totp';
export * from './users';
