export * from './allowance';
export * from './facts';
