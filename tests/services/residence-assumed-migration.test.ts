import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { writeResidentsCsv } from '../../src/io';
import { people, territory } from '../../src/services';
import { verifyRecord } from '../../src/store/record-seals';
import { resealExistingRows } from '../../src/store/reseal';
import * as migration from '../../src/store/migrations/0031-residence-assumed';
import { aCommuneOfficer } from '../support/actors';
import { describeEachDatabase } from '../support/databases';
import { lastResealing } from '../support/sealed-fixture';

const COMMUNE = '24823';
const officer = aCommuneOfficer(COMMUNE);
const head = {
  householdCode: 'M-1',
  fullName: 'Đinh Văn Minh',
  birthDate: '1966-06-06',
  sex: 'male',
  personalId: null,
  relation: 'head',
  residence: 'temporary',
  legalCapacity: 'full',
  residentGroup: null,
  address: 'Số 4 đường Lê Lợi',
} as const;

describeEachDatabase('migration 0031: the residence-assumed column on a database that has residents', (t) => {
  it('adding the column seals the residents again, so the record still verifies', async () => {
    const db = t.store().db as unknown as Kysely<unknown>;
    await territory.loadAdministrativeUnits(t.ctx());
    const h = await territory.createHamlet(t.ctx(), officer, COMMUNE, { name: 'Thôn Cũ', kind: 'thon' });
    if (!h.ok) throw new Error(h.error.message);
    const file = writeResidentsCsv([
      head,
      { ...head, fullName: 'Đinh Thị Mai', sex: 'female', relation: 'spouse' },
    ]);
    const done = await people.confirmResidentImport(t.ctx(), officer, h.value.id, file);
    expect(done.ok && done.value.added).toBe(2);

    // The database as it was before 0031: no column, every row sealed without it.
    await migration.down(db);
    await resealExistingRows(db, 'residents', 'test: as before 0031');
    expect((await verifyRecord(t.store().db, t.store().kind)).ok).toBe(true);

    // A column added without sealing again reads as an edit of every resident...
    await sql`alter table residents add column residence_assumed integer not null default 0`.execute(db);
    const broken = await verifyRecord(t.store().db, t.store().kind);
    expect(broken.problems.filter((p) => p.table === 'residents' && p.kind === 'edited')).toHaveLength(2);
    await migration.down(db);
    await sql`delete from record_changes`.execute(db);

    // ...and the migration, which seals them again, leaves the record whole.
    await migration.up(db);
    const check = await verifyRecord(t.store().db, t.store().kind);
    expect(check.problems).toEqual([]);
    expect(await lastResealing(t.store())).toEqual({ rows: 2, reason: 'residents.residence_assumed' });
  });
});
