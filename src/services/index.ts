export * from './actor';
export * from './context';
export * as auth from './auth';
export * as users from './users';
export * as territory from './territory';
export * as households from './households';
export * as demo from './demo';
export { health } from './health';
export type { Result, Failure } from '../domain/result';
