export * from './document-registry';
export * from './forms';
export * from './public-verify';
