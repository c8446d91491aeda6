export * from './hamlet-kinds';
