import type { Kysely } from 'kysely';
import { sql } from 'kysely';

/**
 * Territory, people, elections, users, sessions and the audit trail. Written with the schema builder
 * and portable column types so the same migration runs on SQLite and PostgreSQL.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('provinces')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'text')
    .addColumn('valid_to', 'text')
    .execute();

  await db.schema
    .createTable('districts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('province_code', 'text', (c) => c.notNull().references('provinces.code'))
    .addColumn('code', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('valid_to', 'text')
    .execute();

  await db.schema
    .createTable('communes')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('province_code', 'text', (c) => c.notNull().references('provinces.code'))
    .addColumn('district_id', 'text', (c) => c.references('districts.id'))
    .addColumn('valid_from', 'text')
    .addColumn('valid_to', 'text')
    .execute();
  await db.schema.createIndex('communes_province').on('communes').column('province_code').execute();

  await db.schema
    .createTable('hamlets')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('commune_id', 'text', (c) => c.notNull().references('communes.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('dissolved_on', 'text')
    .addUniqueConstraint('hamlets_commune_name', ['commune_id', 'name'])
    .execute();

  await db.schema
    .createTable('resident_groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hamlet_id', 'text', (c) => c.notNull().references('hamlets.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('resident_groups_hamlet_name', ['hamlet_id', 'name'])
    .execute();

  await db.schema
    .createTable('households')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hamlet_id', 'text', (c) => c.notNull().references('hamlets.id'))
    .addColumn('resident_group_id', 'text', (c) => c.references('resident_groups.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('households_hamlet_code', ['hamlet_id', 'code'])
    .execute();

  await db.schema
    .createTable('residents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('search_name', 'text', (c) => c.notNull())
    .addColumn('sex', 'text', (c) => c.notNull().check(sql`sex in ('male', 'female')`))
    .addColumn('birth_date', 'text', (c) => c.notNull())
    .addColumn('personal_id', 'text', (c) => c.unique())
    .addColumn('relation', 'text', (c) => c.notNull())
    .addColumn('residence', 'text', (c) => c.notNull().check(sql`residence in ('permanent', 'temporary')`))
    .addColumn('legal_capacity', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('active', 'deceased', 'moved')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('residents_household').on('residents').column('household_id').execute();

  await db.schema
    .createTable('elections')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hamlet_id', 'text', (c) => c.notNull().references('hamlets.id'))
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('term_label', 'text', (c) => c.notNull())
    .addColumn('profile_id', 'text', (c) => c.notNull())
    .addColumn('election_date', 'text')
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('round', 'integer', (c) => c.notNull().check(sql`round >= 1`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('elections_hamlet').on('elections').column('hamlet_id').execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('scope_kind', 'text', (c) => c.notNull())
    .addColumn('scope_id', 'text')
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_events')
    .addColumn('seq', 'integer', (c) => c.primaryKey())
    .addColumn('id', 'text', (c) => c.notNull().unique())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('prev_hash', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'audit_events',
    'sessions',
    'users',
    'elections',
    'residents',
    'households',
    'resident_groups',
    'hamlets',
    'communes',
    'districts',
    'provinces',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
