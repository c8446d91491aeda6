import type { Kysely } from 'kysely';
import { resealExistingRows } from '../reseal';

/**
 * The election of a residents' self-managed group (Tổ nhân dân tự quản: seed 001 mục II.1.6–1.7,
 * Kiên Giang QĐ 1564/QĐ-UBND 2008 Chương III): the group whose Tổ trưởng, Tổ phó or Thư ký the
 * election chooses, null for the elections of a hamlet's head and deputies. One election per group
 * and position, so each position has its own roll, count and recognition, as the head and deputy of
 * Quảng Trị do. The column changes every election row's digest, so the rows are sealed again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('elections')
    .addColumn('resident_group_id', 'text', (c) => c.references('resident_groups.id'))
    .execute();
  await db.schema
    .createIndex('elections_resident_group')
    .on('elections')
    .column('resident_group_id')
    .execute();
  await resealExistingRows(db, 'elections', 'elections.resident_group_id');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('elections_resident_group').execute();
  await db.schema.alterTable('elections').dropColumn('resident_group_id').execute();
}
