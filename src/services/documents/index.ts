export * from './document-registry';
export * from './forms';
