import { sql } from 'kysely';
import type { Kysely } from 'kysely';

/**
 * Indexes for the dashboards at scale (issue 11; docs/operations.md, "Queries and indexes at scale"),
 * chosen from EXPLAIN ANALYZE on 72,000 hamlets and 576,000 plan tasks:
 * - the overdue count read every plan task (status and due are not selective); only the few tasks
 *   not done are ever counted as overdue, so a partial index over them stays small;
 * - the latest head election of each hamlet is found from (hamlet, position, term, created).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('plan_tasks_open_election')
    .on('plan_tasks')
    .columns(['election_id', 'due'])
    .where(sql.ref('status'), '<>', 'done')
    .execute();
  await db.schema
    .createIndex('plan_tasks_open_round')
    .on('plan_tasks')
    .columns(['round_id', 'due'])
    .where(sql.ref('status'), '<>', 'done')
    .execute();
  await db.schema
    .createIndex('elections_hamlet_head')
    .on('elections')
    .columns(['hamlet_id', 'position', 'term_label', 'created_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('elections_hamlet_head').execute();
  await db.schema.dropIndex('plan_tasks_open_round').execute();
  await db.schema.dropIndex('plan_tasks_open_election').execute();
}
