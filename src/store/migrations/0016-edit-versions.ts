import type { Kysely } from 'kysely';

/**
 * Optimistic concurrency: a version number on the records people edit through a form. The form
 * sends the version it read; the edit succeeds only if the record still has it (see
 * store/optimistic.ts), so two officers editing the same record get a conflict instead of a silent
 * overwrite. Every update of these rows adds one to the version.
 */
const TABLES = ['residents', 'plan_tasks'] as const;

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES)
    await db.schema
      .alterTable(table)
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of TABLES) await db.schema.alterTable(table).dropColumn('version').execute();
}
