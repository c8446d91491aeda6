import type { Kysely } from 'kysely';

/**
 * After the vote: who holds which office and how they got it and lost it (append-only history),
 * the commune's decisions on reported elections (recognition, re-election, written reply, interim
 * head, deputy), and removal cases with the households that signed a petition.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('office_terms')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hamlet_id', 'text', (c) => c.notNull().references('hamlets.id'))
    .addColumn('resident_group_id', 'text', (c) => c.references('resident_groups.id'))
    .addColumn('position', 'text', (c) => c.notNull())
    .addColumn('holder_name', 'text', (c) => c.notNull())
    .addColumn('resident_id', 'text', (c) => c.references('residents.id'))
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('election_id', 'text', (c) => c.references('elections.id'))
    .addColumn('document_id', 'text')
    .addColumn('decision_ref', 'text')
    .addColumn('profile_id', 'text', (c) => c.notNull())
    .addColumn('term_label', 'text')
    .addColumn('start_on', 'text', (c) => c.notNull())
    .addColumn('planned_end', 'text')
    .addColumn('new_election_by', 'text')
    .addColumn('ended_on', 'text')
    .addColumn('end_reason', 'text')
    .addColumn('end_ref', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();
  await db.schema
    .createIndex('office_terms_hamlet')
    .on('office_terms')
    .columns(['hamlet_id', 'position'])
    .execute();

  await db.schema
    .createTable('office_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hamlet_id', 'text', (c) => c.notNull().references('hamlets.id'))
    .addColumn('election_id', 'text', (c) => c.references('elections.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'text', (c) => c.notNull())
    .addColumn('due', 'text')
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('document_id', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'text')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('office_decisions_election')
    .on('office_decisions')
    .column('election_id')
    .execute();

  await db.schema
    .createTable('removal_cases')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('hamlet_id', 'text', (c) => c.notNull().references('hamlets.id'))
    .addColumn('office_term_id', 'text', (c) => c.notNull().references('office_terms.id'))
    .addColumn('profile_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('trigger', 'text', (c) => c.notNull())
    .addColumn('opened_on', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('registered', 'integer')
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('recognition_due', 'text')
    .addColumn('decided_on', 'text')
    .addColumn('new_election_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text')
    .execute();

  await db.schema
    .createTable('removal_signatures')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('case_id', 'text', (c) => c.notNull().references('removal_cases.id'))
    .addColumn('household_id', 'text', (c) => c.notNull().references('households.id'))
    .addColumn('signer_name', 'text', (c) => c.notNull())
    .addColumn('resident_id', 'text', (c) => c.references('residents.id'))
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('removal_signatures_household', ['case_id', 'household_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('removal_signatures').execute();
  await db.schema.dropTable('removal_cases').execute();
  await db.schema.dropTable('office_decisions').execute();
  await db.schema.dropTable('office_terms').execute();
}
