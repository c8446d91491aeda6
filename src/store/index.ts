export * from './config';
export * from './database';
export type { DatabaseSchema } from './schema';
export * as audit from './audit-repo';
export * as territory from './territory-repo';
export * as households from './households-repo';
export * as elections from './elections-repo';
export * as users from './users-repo';
export * as documents from './documents-repo';
