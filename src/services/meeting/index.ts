/** The community meeting's use cases in one namespace (`meeting` in services/index.ts). */
export * from './agenda';
export * from './hands';
export * from './minutes';
export * from './household-ballots';
export type { FloorNominationInput } from './floor-nominations';
