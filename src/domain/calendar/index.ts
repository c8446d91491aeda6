export * from './civil-date';
export * from './lunar';
export * from './holidays';
export * from './official-days';
export * from './working-days';
export * from './vietnam-time';
