export * from './verification-code';
