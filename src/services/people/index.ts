export * from './access';
export * from './household-detail';
export * from './household-list';
export * from './import';
export * from './residents';
