export * from './population';
export { demoWard, generateDemoWard } from './phuong2';
export type { DemoHamlet, DemoHamletPopulation, DemoOfficial, DemoWard } from './phuong2';
export { Random, weighted } from './random';
export type { Sampler } from './random';
