export * from './timeline';
export * from './deadlines';
export * from './lifecycle';
export * from './eligibility';
export * from './polling-sessions';
export * from './resident-group';
