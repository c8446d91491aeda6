export * from './commune-lineage';
export * from './hamlet-import';
export * from './historical-units';
export * from './territory';
