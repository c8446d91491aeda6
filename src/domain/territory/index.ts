export * from './hamlet-kinds';
export * from './history';
export * from './establishment';
