/**
 * The use cases, one namespace per feature. Each feature folder's index.ts is its only public face:
 * features import one another through it (lint rule in eslint.config.js), and so does everything
 * outside src/services.
 */
export * from './common';
export type { Result, Failure } from '../domain/result';
export { health } from './system';
export * as audit from './audit';
export * as auth from './auth';
export * as candidates from './candidates';
export * as complaints from './complaints';
export * as count from './count';
export * as decisions from './decisions';
export * as demo from './demo';
export * as documents from './documents';
export * as hamletFacts from './hamlet-facts';
export * as meeting from './meeting';
export * as office from './office';
export * as oversight from './oversight';
export * as people from './people';
export * as plan from './plan/outward';
export * as polling from './polling';
export * as register from './register';
export * as removal from './removal';
export * as roll from './roll';
export * as rules from './rules';
export * as scenario from './scenario';
export * as system from './system';
export * as team from './team';
export * as territory from './territory';
