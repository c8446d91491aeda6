export * from './demo-scale-rows';
export * from './demo-scale';
export * from './demo-ward';
export * from './oversight-demo';
