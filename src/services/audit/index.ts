export * from './audit-trail';
export * from './edit-conflict';
