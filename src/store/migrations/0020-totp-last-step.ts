import type { Kysely } from 'kysely';

/**
 * The 30-second step of the last two-factor code accepted for each user, so that a code is usable
 * once (RFC 6238 §5.2): a code seen over a shoulder or replayed from a captured request is refused.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('totp_last_step', 'bigint').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('totp_last_step').execute();
}
