import type { Kysely } from 'kysely';

/**
 * Facts the commune keeps about its hamlets (classification, registered households) as dated
 * records; the head's allowance as the province (or a hamlet-specific decision) sets it; the
 * commendations and disciplinary records of office-holders; and the lineage of communes merged by
 * the 2025 reorganisation (a predecessor, its successor, the effective date and the decision).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('hamlet_facts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hamlet_id', 'text', (c) => c.notNull().references('hamlets.id'))
    .addColumn('fact', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('decision_number', 'text')
    .addColumn('decision_date', 'text')
    .addColumn('decision_body', 'text')
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('hamlet_facts_hamlet')
    .on('hamlet_facts')
    .columns(['hamlet_id', 'fact'])
    .execute();

  await db.schema
    .createTable('allowance_rates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('province_code', 'text', (c) => c.notNull().references('provinces.code'))
    .addColumn('hamlet_id', 'text', (c) => c.references('hamlets.id'))
    .addColumn('classification', 'text')
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('coefficient_milli', 'integer')
    .addColumn('amount_vnd', 'integer')
    .addColumn('base_salary_vnd', 'integer')
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('decision_number', 'text', (c) => c.notNull())
    .addColumn('decision_date', 'text', (c) => c.notNull())
    .addColumn('decision_body', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('allowance_rates_province')
    .on('allowance_rates')
    .column('province_code')
    .execute();

  await db.schema
    .createTable('office_records')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('office_term_id', 'text', (c) => c.notNull().references('office_terms.id'))
    .addColumn('hamlet_id', 'text', (c) => c.notNull().references('hamlets.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'text', (c) => c.notNull())
    .addColumn('decision_number', 'text', (c) => c.notNull())
    .addColumn('decision_body', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('office_records_hamlet').on('office_records').column('hamlet_id').execute();

  await db.schema
    .createTable('commune_lineage')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('predecessor_id', 'text', (c) => c.notNull().references('communes.id'))
    .addColumn('successor_id', 'text', (c) => c.notNull().references('communes.id'))
    .addColumn('effective_on', 'text', (c) => c.notNull())
    .addColumn('decision_number', 'text', (c) => c.notNull())
    .addColumn('decision_date', 'text', (c) => c.notNull())
    .addColumn('decision_body', 'text', (c) => c.notNull())
    .addColumn('hamlet_ids', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('commune_lineage_successor')
    .on('commune_lineage')
    .column('successor_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('commune_lineage').execute();
  await db.schema.dropTable('office_records').execute();
  await db.schema.dropTable('allowance_rates').execute();
  await db.schema.dropTable('hamlet_facts').execute();
}
