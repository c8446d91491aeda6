/** Polling day's use cases in one namespace (`pollingDay` in services/index.ts). */
export * from './access';
export * from './attendance';
export * from './ballots';
export * from './clock';
export * from './demo';
export * from './package-keys';
export * from './package';
export * from './roll-entries';
export * from './session';
export * from './witnesses';
