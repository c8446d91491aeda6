export * from './lifecycle';
export * from './plan';
export * from './population';
export * from './stage-documents';
