import type { Migration } from 'kysely';
import * as m0001 from './0001-foundation';

/** Every migration, in order. Names are stable: they are recorded in the database. */
export const migrations: Readonly<Record<string, Migration>> = {
  '0001-foundation': m0001,
};
