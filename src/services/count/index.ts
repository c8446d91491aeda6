/** The count's use cases in one namespace (`counting` in services/index.ts). */
export * from './documents';
export * from './entry-bulk';
export * from './entry';
export * from './interruptions';
export * from './open';
export * from './result';
export * from './sheet';
export { prepareDemoPolling, startDemoPollingDay } from '../polling';
export * from './lanes';
